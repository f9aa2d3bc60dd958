package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.failureChainOf;
import static course.asyncfetch.AsyncAssertions.returnsPromptly;
import static course.asyncfetch.Waits.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("part:B")
@DisplayName("B. Non-blocking limiter: edge cases")
@ExtendWith(TimelineExtension.class)
class AsyncLimiterEdgeCasesTest {

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
    @Tag("points:1")
    @DisplayName("a task cancelled while queued never starts, and its slot goes to the next one")
    void cancelledWhileQueued() {
        var results = submitAll(limiter(1), 3);
        results.get(1).cancel(true);
        remote.complete(0);

        eventually(() -> assertThat(remote.startedIds())
                .as("task 1 was cancelled while queued: it must never start; task 2 takes the free slot (a cancelled"
                        + " task that still counts as running keeps its slot for ever)")
                .containsExactly(0, 2));
    }

    @Test
    @Tag("points:1")
    @DisplayName("cancelling a running task's future cancels the task and frees its slot")
    void cancelledWhileRunning() {
        var results = submitAll(limiter(1), 2);
        results.get(0).cancel(true);

        assertThat(remote.cancelled())
                .as("cancelling the future submit returned should cancel the running task's own future")
                .isEqualTo(1);
        eventually(() ->
                assertThat(remote.started()).as("the cancelled task's slot should go to the queued task").isEqualTo(2));
    }

    @Test
    @Tag("points:1")
    @DisplayName("with limit 1, tasks run strictly one after another")
    void limitOne() {
        submitAll(limiter(1), 5);
        for (int i = 0; i < 5; i++) {
            int done = i;
            eventually(() -> assertThat(remote.started()).as("tasks started after %d completions with limit 1", done)
                    .isEqualTo(done + 1));
            remote.complete(i);
        }
        assertThat(remote.maxInFlight()).as("most tasks running at once with limit 1").isEqualTo(1);
    }

    @Test
    @Tag("points:1")
    @DisplayName("a task that throws instead of returning a future fails its own future and frees its slot")
    void throwingTask() {
        var limiter = new AsyncLimiter(1);
        var boom = new IllegalStateException("task threw");
        CompletableFuture<String> thrown = returnsPromptly("AsyncLimiter.submit(...)", () -> limiter.submit(() -> {
            throw boom;
        }));
        var next = submitAll(limiter, 1);

        assertThat(failureChainOf(thrown, "the task threw"))
                .as("an exception thrown by the task should fail the future submit returned (not escape from submit)")
                .contains(boom);
        eventually(() -> assertThat(remote.started()).as("the slot of the task that threw should be free again").isEqualTo(1));
        assertThat(next).hasSize(1);
    }

    @Test
    @Tag("points:1")
    @DisplayName("a task that is slow to start does not hold up submit() on another thread")
    void slowStartDoesNotHoldUpOtherCallers() throws Exception {
        var limiter = new AsyncLimiter(2);
        returnsPromptly("AsyncLimiter.submit(...)", () -> new AsyncLimiter(1).submit(CompletableFuture<String>::new));
        boolean otherSubmitReturned = SlowStart.otherSubmitReturnedMeanwhile(limiter::submit, () -> remote.fetch(0),
                () -> returnsPromptly("AsyncLimiter.submit(...)", () -> limiter.submit(() -> remote.fetch(1))));

        assertThat(otherSubmitReturned)
                .as("while task 0 was starting on another thread (its supplier still running), submit() of task 1 did"
                        + " not return for a second, until task 0 had started: the task was started while holding the"
                        + " limiter's lock, so every other caller waited for it. Decide under the lock, start the task"
                        + " after leaving it")
                .isTrue();
        eventually(() -> assertThat(remote.started()).as("both tasks start, the limit is 2").isEqualTo(2));
    }

    @Test
    @Tag("points:0.5")
    @DisplayName("many threads submitting while tasks complete on other threads: never more than the limit, every task runs")
    void manyThreadsAtOnce() throws Exception {
        int limit = 3;
        int perThread = 2_000;
        var limiter = new AsyncLimiter(limit);
        returnsPromptly("AsyncLimiter.submit(...)", () -> new AsyncLimiter(1).submit(CompletableFuture<String>::new));
        var running = new AtomicInteger();
        var maxRunning = new AtomicInteger();
        List<CompletableFuture<Integer>> results = java.util.Collections.synchronizedList(new ArrayList<>());
        var go = new CountDownLatch(1);

        try (ExecutorService completers = Executors.newFixedThreadPool(2);
             ExecutorService submitters = Executors.newFixedThreadPool(4)) {
            for (int t = 0; t < 4; t++) {
                submitters.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        int value = i;
                        results.add(limiter.submit(() -> {
                            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                            // completes a moment later on another thread, as a real remote does
                            return CompletableFuture.supplyAsync(() -> {
                                running.decrementAndGet();
                                return value;
                            }, completers);
                        }));
                    }
                    return null;
                });
            }
            go.countDown();
            submitters.shutdown();
            assertThat(submitters.awaitTermination(3, TimeUnit.SECONDS)).as("submit() returns at once").isTrue();
            eventually(() -> assertThat(results.stream().filter(CompletableFuture::isDone).count())
                    .as("4 threads submitted %d tasks each while tasks completed on 2 other threads: every task should"
                            + " run and complete. If some never do, a count or the queue lost an update: change them"
                            + " together under one lock (or with compare-and-set)", perThread)
                    .isEqualTo(4L * perThread));
        }
        assertThat(results.stream().filter(result -> !result.isCompletedExceptionally()).count())
                .as("tasks whose future completed with the task's value").isEqualTo(4L * perThread);
        assertThat(maxRunning.get())
                .as("most tasks running at once with limit %d, submitted from 4 threads: more means the check for a free"
                        + " slot and taking it were not one step (check-then-act on a shared count)", limit)
                .isLessThanOrEqualTo(limit);
    }
}
