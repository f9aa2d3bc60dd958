package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.failureChainOf;
import static course.asyncfetch.AsyncAssertions.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part:E")
@DisplayName("E. Rate limiter: edge cases")
class RateLimiterEdgeCasesTest extends RateLimiterTestSupport {

    @Test
    @Tag("points:2")
    @DisplayName("a task cancelled while waiting never starts")
    void cancelledWhileWaiting() {
        var results = submitAll(new RateLimiter(1, scheduler), 3);
        results.get(1).cancel(true);
        runFor(Duration.ofSeconds(3));
        assertThat(remote.startedIds()).as("task 1 was cancelled while waiting: it must never start").containsExactly(0, 2);
    }

    @Test
    @Tag("points:2")
    @DisplayName("passes each task's value or failure on")
    void passesOutcomesOn() {
        var results = submitAll(new RateLimiter(10, scheduler), 2);
        var boom = new IllegalStateException("task 1 failed");
        remote.complete(0);
        remote.fail(1, boom);
        assertThat(valueOf(results.get(0), "task 0 completed")).isEqualTo(FakeRemote.itemFor(0));
        assertThat(failureChainOf(results.get(1), "task 1 failed")).contains(boom);
    }

    @Test
    @Tag("points:2")
    @DisplayName("at 1 per second, starts are at least a second apart")
    void onePerSecond() {
        submitAll(new RateLimiter(1, scheduler), 4);
        runFor(Duration.ofMillis(3500));
        assertThat(remote.started()).as("tasks started within 3.5 s at 1 per second").isEqualTo(4);
        assertAtMostPerSecond(remote.calls(), 1);
    }

    @Test
    @Tag("points:2")
    @DisplayName("after a quiet spell, a new task starts without waiting")
    void noNeedlessWait() {
        var limiter = new RateLimiter(5, scheduler);
        submitAll(limiter, 5);
        runFor(Duration.ofMillis(1500));
        int before = remote.started();

        limiter.submit(() -> remote.fetch(99));

        assertThat(remote.started())
                .as("1.5 s after the last burst the limit has room again: the new task should start at once,"
                        + " not after another second")
                .isEqualTo(before + 1);
    }
}
