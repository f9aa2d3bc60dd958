package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.assertPending;
import static course.asyncfetch.AsyncAssertions.failureChainOf;
import static course.asyncfetch.AsyncAssertions.returnsPromptly;
import static course.asyncfetch.AsyncAssertions.valueOf;
import static course.asyncfetch.Waits.staysSo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part:B")
@DisplayName("B. Non-blocking limiter")
class AsyncLimiterTest {

    private final FakeRemote remote = new FakeRemote();

    private List<CompletableFuture<String>> submitAll(AsyncLimiter limiter, int count) {
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int id = 0; id < count; id++) {
            int taskId = id;
            results.add(returnsPromptly("AsyncLimiter.submit(...)", () -> limiter.submit(() -> remote.fetch(taskId))));
        }
        return results;
    }

    @Test
    @Tag("points:3")
    @DisplayName("with nothing completing, exactly as many tasks start as the limit")
    void startsExactlyTheLimit() {
        submitAll(new AsyncLimiter(3), 10);

        staysSo(() ->
                assertThat(remote.started())
                        .as("10 tasks submitted to an AsyncLimiter(3), none completed: exactly 3 should start"
                                + " (fewer: free slots are wasted; more: the limit is not enforced)")
                        .isEqualTo(3));
    }

    @Test
    @Tag("points:3")
    @DisplayName("each completion starts exactly one queued task, in submission order")
    void eachCompletionStartsOneMore() {
        submitAll(new AsyncLimiter(3), 6);

        remote.complete(1);
        assertThat(remote.started()).as("one of 3 running tasks completed, so one queued task should start").isEqualTo(4);
        remote.complete(0);
        remote.complete(3);
        assertThat(remote.started()).as("tasks started after 3 completions with limit 3").isEqualTo(6);
        assertThat(remote.startedIds())
                .as("queued tasks should start in the order they were submitted")
                .containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(remote.maxInFlight()).as("most tasks ever running at once (limit 3)").isEqualTo(3);
    }

    @Test
    @Tag("points:2")
    @DisplayName("passes each task's value or failure on to the future submit returned")
    void passesOutcomesOn() {
        var results = submitAll(new AsyncLimiter(2), 2);
        var boom = new IllegalStateException("task 1 failed");

        remote.complete(0);
        remote.fail(1, boom);

        assertThat(valueOf(results.get(0), "task 0 completed")).isEqualTo(FakeRemote.itemFor(0));
        assertThat(failureChainOf(results.get(1), "task 1 failed"))
                .as("the future submit returned should fail with the task's own exception")
                .contains(boom);
    }

    @Test
    @Tag("points:4")
    @DisplayName("submit returns at once even when the limiter is full, and contains no blocking call")
    void neverBlocks() {
        var results = submitAll(new AsyncLimiter(1), 3);

        assertPending(results.get(2), "its task is still queued behind a running one");
        remote.complete(0);
        remote.complete(1);
        remote.complete(2);
        assertThat(valueOf(results.get(2), "all tasks completed")).isEqualTo(FakeRemote.itemFor(2));
        NoBlockingCalls.assertNoBlockingCallsIn(AsyncLimiter.class);
    }
}
