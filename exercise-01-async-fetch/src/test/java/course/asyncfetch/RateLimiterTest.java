package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.assertPending;
import static course.asyncfetch.AsyncAssertions.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;

@Tag("part:E")
@DisplayName("E. Rate limiter")
@ExtendWith(TimelineExtension.class)
class RateLimiterTest extends RateLimiterTestSupport {

    @Test
    @Tag("points:3")
    @DisplayName("never starts more than M tasks in any one-second window")
    void atMostMPerSecond() {
        submitAll(rateLimiter(5), 15);

        runFor(Duration.ofSeconds(4));

        assertThat(remote.started()).as("tasks started after 4 s at 5 per second").isEqualTo(15);
        assertAtMostPerSecond(remote.calls(), 5);
    }

    @Test
    @Tag("points:2")
    @DisplayName("starts the first task at once and every task eventually, in submission order")
    void startsEveryTaskInOrder() {
        submitAll(rateLimiter(4), 10);
        assertThat(remote.started()).as("the first task should start at once: no time has passed yet").isPositive();

        runFor(Duration.ofMillis(2500));

        assertThat(remote.started())
                .as("10 tasks at 4 per second should all have started within 2.5 s; the limiter should start"
                        + " a waiting task as soon as the limit allows it (schedule a wake-up on the TaskScheduler)")
                .isEqualTo(10);
        assertThat(remote.startedIds()).as("tasks start in submission order").containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    @Tag("points:2.5")
    @DisplayName("submit returns at once while tasks wait for their turn, and contains no blocking call")
    // ArchUnit reads the package's classes the first time a JVM checks them: well under a second
    // normally, but several on a machine with every core busy. The blocking check itself is bounded
    // by returnsPromptly (3 s), so only the import gets the extra time.
    @Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void neverBlocks() {
        var results = submitAll(rateLimiter(2), 4);

        assertPending(results.get(3), "its task has to wait for the next second");
        runFor(Duration.ofMillis(1500));
        remote.completeAllInReverse();
        assertThat(valueOf(results.get(3), "every task started and completed")).isEqualTo(FakeRemote.itemFor(3));
        NoBlockingCalls.assertNoBlockingCallsIn(RateLimiter.class);
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("a burst of M starts at once, and task M+1 exactly one second after them")
    void burstThenExactlyOneSecond() {
        var limiter = rateLimiter(5);
        advanceTo(250); // the limiter has been idle for a while

        submitAll(limiter, 6);
        assertThat(remote.started())
                .as("5 tasks submitted at once to a limiter of 5 per second that has started nothing yet: all 5 may start"
                        + " at once, but %d did. Fewer means the starts are spread out (one every 1/M s); the rule is"
                        + " only 'at most M in any one second', and each task starts as soon as it allows", remote.started())
                .isEqualTo(5);

        advanceTo(1250, -1);
        assertThat(remote.started())
                .as("1 ns before one second has passed since the first 5 started, task 6 started: that makes 6 in one"
                        + " second. A token comes back exactly one second after it was taken, not sooner")
                .isEqualTo(5);
        advanceTo(1250);
        assertThat(remote.started())
                .as("exactly one second after the first 5 started, the 6th may start, and should at once: schedule the"
                        + " wake-up for the moment the oldest start is one second old")
                .isEqualTo(6);
    }

    @Test
    @Tag("points:1")
    @DisplayName("after part of the limit is used: a waiting task starts the moment the oldest start is a second old")
    void partlyUsedThenBoundary() {
        var limiter = rateLimiter(3);
        submitAll(limiter, 1);                         // at 0 ms: 1 of 3 starts used
        advanceTo(937);
        var waiting = submitAll(limiter, 3);            // at 937 ms: 2 may start, the 3rd waits for the 0 ms start to expire
        assertThat(remote.started()).as("3 per second, 1 started at 0 ms: at 937 ms 2 more may start").isEqualTo(3);

        advanceTo(1000, -1);
        assertThat(remote.started()).as("before 1000 ms three starts are less than a second old: the 4th must wait")
                .isEqualTo(3);
        advanceTo(1000);
        assertThat(startTimesMillis())
                .as("start times (ms): the 4th task should start at 1000 ms exactly, when the start at 0 ms is one second"
                        + " old — not at a fixed period after it was submitted (937 ms + 1 s), nor on the next poll")
                .containsExactly(0.0, 937.0, 937.0, 1000.0);

        submitAll(limiter, 2);                          // at 1000 ms: starts at 937, 937 and 1000 are all less than a second old
        advanceTo(1937, -1);
        assertThat(remote.started())
                .as("2 tasks submitted at 1000 ms must wait until 1937 ms (the starts at 937, 937 and 1000 ms fill the"
                        + " second); %d started. A window that restarts its count at each whole second lets"
                        + " up to 2·M through around the moment it restarts", remote.started())
                .isEqualTo(4);
        advanceTo(1937);
        assertThat(remote.started()).as("at 1937 ms both starts at 937 ms are a second old: 2 more start").isEqualTo(6);
        assertAtMostPerSecond(remote.calls(), 3);
        assertThat(waiting).hasSize(3);
    }
}
