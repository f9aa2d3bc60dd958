package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.assertPending;
import static course.asyncfetch.AsyncAssertions.failureChainOf;
import static course.asyncfetch.AsyncAssertions.returnsPromptly;
import static course.asyncfetch.AsyncAssertions.valueOf;
import static course.asyncfetch.Waits.eventually;
import static course.asyncfetch.Waits.staysSo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;

@Tag("part:B")
@DisplayName("B. Non-blocking limiter")
@ExtendWith(TimelineExtension.class)
class AsyncLimiterTest {

    private final FakeRemote remote = new FakeRemote().lanes("task ");

    /** An AsyncLimiter(max): the timeline draws the bound and marks the first task over it or out of order. */
    private AsyncLimiter limiter(int max) {
        remote.atMostInFlight("tasks running", max).inIdOrder();
        return new AsyncLimiter(max);
    }

    private List<CompletableFuture<String>> submitAll(AsyncLimiter limiter, int count) {
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int id = 0; id < count; id++) {
            int taskId = id;
            results.add(returnsPromptly("AsyncLimiter.submit(...)", () -> limiter.submit(() -> remote.fetch(taskId))));
        }
        return results;
    }

    @Test
    @Tag("points:2")
    @DisplayName("with nothing completing, exactly as many tasks start as the limit")
    void startsExactlyTheLimit() {
        submitAll(limiter(3), 10);

        staysSo(() ->
                assertThat(remote.started())
                        .as("10 tasks submitted to an AsyncLimiter(3), none completed: exactly 3 should start"
                                + " (fewer: free slots are wasted; more: the limit is not enforced)")
                        .isEqualTo(3));
    }

    @Test
    @Tag("points:2")
    @DisplayName("each completion starts exactly one queued task, in submission order")
    void eachCompletionStartsOneMore() {
        submitAll(limiter(3), 6);

        remote.complete(1);
        eventually(() -> assertThat(remote.started())
                .as("one of 3 running tasks completed, so one queued task should start").isEqualTo(4));
        remote.complete(0);
        remote.complete(3);
        eventually(() -> assertThat(remote.started()).as("tasks started after 3 completions with limit 3").isEqualTo(6));
        assertThat(remote.startedIds())
                .as("queued tasks should start in the order they were submitted")
                .containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(remote.maxInFlight()).as("most tasks ever running at once (limit 3)").isEqualTo(3);
    }

    @Test
    @Tag("points:1")
    @DisplayName("a task that fails frees its slot for the next one")
    void failureFreesTheSlot() {
        var results = submitAll(limiter(1), 3);

        remote.fail(0, new IllegalStateException("task 0 failed"));
        eventually(() -> assertThat(remote.started())
                .as("task 0 failed and task 1 was queued behind it with limit 1: %d tasks have started, expected 2."
                        + " A failed task's slot is free too — did you start the next task only on success"
                        + " (thenAccept/thenRun) instead of however it ends (whenComplete)?", remote.started())
                .isEqualTo(2));
        assertThat(failureChainOf(results.get(0), "task 0 failed")).isNotEmpty();
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("passes each task's value or failure on to the future submit returned")
    void passesOutcomesOn() {
        var results = submitAll(limiter(2), 2);
        var boom = new IllegalStateException("task 1 failed");

        remote.complete(0);
        remote.fail(1, boom);

        assertThat(valueOf(results.get(0), "task 0 completed")).isEqualTo(FakeRemote.itemFor(0));
        assertThat(failureChainOf(results.get(1), "task 1 failed"))
                .as("the future submit returned should fail with the task's own exception")
                .contains(boom);
    }

    @Test
    @Tag("points:2.5")
    @DisplayName("submit returns at once even when the limiter is full, and contains no blocking call")
    // ArchUnit reads the package's classes the first time a JVM checks them: well under a second
    // normally, but several on a machine with every core busy. The blocking check itself is bounded
    // by returnsPromptly (3 s), so only the import gets the extra time.
    @Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void neverBlocks() {
        var results = submitAll(limiter(1), 3);

        assertPending(results.get(2), "its task is still queued behind a running one");
        for (int i = 0; i < 3; i++) {
            int next = i;
            eventually(() -> assertThat(remote.started()).as("tasks started after %d completions with limit 1", next)
                    .isEqualTo(next + 1));
            remote.complete(i);
        }
        assertThat(valueOf(results.get(2), "all tasks completed")).isEqualTo(FakeRemote.itemFor(2));
        NoBlockingCalls.assertNoBlockingCallsIn(AsyncLimiter.class);
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("100,000 queued tasks that complete the moment they start: every one runs")
    void deepQueueOfTasksThatCompleteAtOnce() {
        int count = 100_000;
        var limiter = new AsyncLimiter(1);
        var first = returnsPromptly("AsyncLimiter.submit(...)", () -> limiter.submit(() -> remote.fetch(0)));
        var ran = new AtomicInteger();
        List<CompletableFuture<Integer>> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int value = i;
            results.add(limiter.submit(() -> {
                ran.incrementAndGet();
                return CompletableFuture.completedFuture(value);
            }));
        }
        assertThat(ran.get()).as("tasks queued behind a running one with limit 1 must wait").isZero();

        remote.complete(0);

        eventually(() -> assertThat(ran.get())
                .as("after the running task completed, %d of the %d queued tasks ran (each one completes the moment it"
                        + " starts); all of them should. If it stops after a few thousand, each task is started from"
                        + " inside the previous one's completion: the calls nest one level deeper per task until a"
                        + " StackOverflowError, which the future swallows, leaves the limiter stalled for good. Start"
                        + " queued tasks in a loop instead: a thread that finds another one already starting tasks"
                        + " leaves the freed slot to that loop", ran.get(), count)
                .isEqualTo(count));
        assertThat(valueOf(results.get(count - 1), "every task ran")).isEqualTo(count - 1);
        assertThat(valueOf(first, "the first task completed")).isEqualTo(FakeRemote.itemFor(0));
    }
}
