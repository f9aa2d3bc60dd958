package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.returnsPromptly;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;

/** The fakes and helpers the part's visible and hidden tests share. */
abstract class RateLimiterTestSupport {

    static final long SECOND_NANOS = Duration.ofSeconds(1).toNanos();

    final ManualScheduler scheduler = new ManualScheduler();
    final FakeRemote remote = new FakeRemote(scheduler::nanoTime).lanes("task ");

    @BeforeEach
    void timelineOnTheTestsClock() {
        Timeline.current().clock(() -> scheduler.elapsed().toNanos() / 1e9);
    }

    /** A RateLimiter(m) on the test's scheduler: the timeline marks the first start that makes m + 1 in one second. */
    RateLimiter rateLimiter(int maxStartsPerSecond) {
        remote.atMostPerSecond(maxStartsPerSecond);
        return new RateLimiter(maxStartsPerSecond, scheduler);
    }

    List<CompletableFuture<String>> submitAll(RateLimiter limiter, int count) {
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int id = 0; id < count; id++) {
            int taskId = id;
            results.add(returnsPromptly("RateLimiter.submit(...)", () -> limiter.submit(() -> remote.fetch(taskId))));
        }
        return results;
    }

    /** Moves the clock in 10 ms steps, so every wake-up the limiter scheduled runs on time. */
    void runFor(Duration duration) {
        for (long step = 0; step < duration.toMillis() / 10; step++) {
            scheduler.advanceMillis(10);
        }
    }

    /** Moves the clock to exactly {@code millis} (plus {@code nanos}) after the test began, running what falls due. */
    void advanceTo(long millis, long nanos) {
        long target = Duration.ofMillis(millis).plusNanos(nanos).toNanos();
        long now = scheduler.elapsed().toNanos();
        assertThat(target).as("the test moves its clock forward only").isGreaterThanOrEqualTo(now);
        scheduler.advance(Duration.ofNanos(target - now));
    }

    void advanceTo(long millis) {
        advanceTo(millis, 0);
    }

    /** When the index-th task started, in milliseconds after the test began (fractions kept). */
    double startedAtMillis(int index) {
        return (remote.call(index).startedAtNanos() - ManualScheduler.ORIGIN_NANOS) / 1e6;
    }

    /** All start times so far, in milliseconds after the test began. */
    List<Double> startTimesMillis() {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < remote.started(); i++) {
            times.add(startedAtMillis(i));
        }
        return times;
    }

    /** Fails if more than {@code perSecond} of the recorded starts fall within one second. */
    static void assertAtMostPerSecond(List<FakeRemote.Call> starts, int perSecond) {
        for (int i = 0; i + perSecond < starts.size(); i++) {
            long gap = starts.get(i + perSecond).startedAtNanos() - starts.get(i).startedAtNanos();
            assertThat(gap)
                    .as("tasks #%d and #%d started %d ms apart, so %d tasks started within one second; at most %d"
                                    + " may. A bucket that starts full AND refills during the first second lets twice the"
                                    + " rate through: give a token back only one second after it was taken",
                            i + 1, i + perSecond + 1, gap / 1_000_000, perSecond + 1, perSecond)
                    .isGreaterThanOrEqualTo(SECOND_NANOS);
        }
    }
}
