package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.assertPending;
import static course.asyncfetch.AsyncAssertions.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part:E")
@DisplayName("E. Rate limiter")
class RateLimiterTest extends RateLimiterTestSupport {

    @Test
    @Tag("points:5")
    @DisplayName("never starts more than M tasks in any one-second window")
    void atMostMPerSecond() {
        submitAll(new RateLimiter(5, scheduler), 15);

        runFor(Duration.ofSeconds(4));

        assertThat(remote.started()).as("tasks started after 4 s at 5 per second").isEqualTo(15);
        assertAtMostPerSecond(remote.calls(), 5);
    }

    @Test
    @Tag("points:3")
    @DisplayName("starts the first task at once and every task eventually, in submission order")
    void startsEveryTaskInOrder() {
        submitAll(new RateLimiter(4, scheduler), 10);
        assertThat(remote.started()).as("the first task should start at once: no time has passed yet").isPositive();

        runFor(Duration.ofMillis(2500));

        assertThat(remote.started())
                .as("10 tasks at 4 per second should all have started within 2.5 s; the limiter should start"
                        + " a waiting task as soon as the limit allows it (schedule a wake-up on the TaskScheduler)")
                .isEqualTo(10);
        assertThat(remote.startedIds()).as("tasks start in submission order").containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    @Tag("points:4")
    @DisplayName("submit returns at once while tasks wait for their turn, and contains no blocking call")
    void neverBlocks() {
        var results = submitAll(new RateLimiter(2, scheduler), 4);

        assertPending(results.get(3), "its task has to wait for the next second");
        runFor(Duration.ofMillis(1500));
        remote.completeAllInReverse();
        assertThat(valueOf(results.get(3), "every task started and completed")).isEqualTo(FakeRemote.itemFor(3));
        NoBlockingCalls.assertNoBlockingCallsIn(RateLimiter.class);
    }
}
