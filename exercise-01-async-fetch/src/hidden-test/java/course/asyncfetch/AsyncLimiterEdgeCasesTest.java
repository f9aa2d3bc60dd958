package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.failureChainOf;
import static course.asyncfetch.AsyncAssertions.returnsPromptly;
import static course.asyncfetch.Waits.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part:B")
@DisplayName("B. Non-blocking limiter: edge cases")
class AsyncLimiterEdgeCasesTest {

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
    @Tag("points:2")
    @DisplayName("a task cancelled while queued never starts, and its slot goes to the next one")
    void cancelledWhileQueued() {
        var results = submitAll(new AsyncLimiter(1), 3);
        results.get(1).cancel(true);
        remote.complete(0);

        assertThat(remote.startedIds())
                .as("task 1 was cancelled while queued: it must never start; task 2 takes the free slot")
                .containsExactly(0, 2);
    }

    @Test
    @Tag("points:2")
    @DisplayName("cancelling a running task's future cancels the task and frees its slot")
    void cancelledWhileRunning() {
        var results = submitAll(new AsyncLimiter(1), 2);
        results.get(0).cancel(true);

        assertThat(remote.cancelled())
                .as("cancelling the future submit returned should cancel the running task's own future")
                .isEqualTo(1);
        eventually(() ->
                assertThat(remote.started()).as("the cancelled task's slot should go to the queued task").isEqualTo(2));
    }

    @Test
    @Tag("points:2")
    @DisplayName("with limit 1, tasks run strictly one after another")
    void limitOne() {
        submitAll(new AsyncLimiter(1), 5);
        for (int i = 0; i < 5; i++) {
            assertThat(remote.started()).as("tasks started after %d completions with limit 1", i).isEqualTo(i + 1);
            remote.complete(i);
        }
        assertThat(remote.maxInFlight()).as("most tasks running at once with limit 1").isEqualTo(1);
    }

    @Test
    @Tag("points:2")
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
        assertThat(remote.started()).as("the slot of the task that threw should be free again").isEqualTo(1);
        assertThat(next).hasSize(1);
    }
}
