package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.returnsPromptly;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import java.util.concurrent.CompletableFuture;

/** The fakes and helpers the part's visible and hidden tests share. */
abstract class RetryTestSupport {

    static final Duration BASE = Duration.ofMillis(100);

    final ManualScheduler scheduler = new ManualScheduler();
    final FakeRemote remote = new FakeRemote(scheduler::nanoTime).lanesByCallNumber("attempt ");

    @BeforeEach
    void timelineOnTheTestsClock() {
        Timeline.current().clock(() -> scheduler.elapsed().toNanos() / 1e9);
    }

    CompletableFuture<String> retry(RetryPolicy policy) {
        return returnsPromptly("Retry.withRetry(...)", () -> Retry.withRetry(() -> remote.fetch(42), policy, scheduler));
    }

    /**
     * Lets the latest attempt run a while (the wait counts from its failure, not from its start), fails
     * it, then checks the next one waits exactly {@code expectedWait} on the scheduler.
     */
    void failAndExpectRetryAfter(int attemptsSoFar, Duration expectedWait) {
        scheduler.advanceMillis(37 * attemptsSoFar);
        remote.fail(attemptsSoFar - 1, new IllegalStateException("attempt " + attemptsSoFar + " failed"));
        remote.notBefore(scheduler.nanoTime() + expectedWait.toNanos(), "attempt " + (attemptsSoFar + 1) + " must wait "
                + expectedWait.toMillis() + " ms after attempt " + attemptsSoFar + " failed");
        assertThat(remote.started())
                .as("attempt %d failed; the next one must wait %d ms on the TaskScheduler, but it started at once"
                        + " (did you sleep, or retry without scheduling?)", attemptsSoFar, expectedWait.toMillis())
                .isEqualTo(attemptsSoFar);
        scheduler.advance(expectedWait.minusMillis(1));
        assertThat(remote.started())
                .as("attempt %d started before its backoff of %d ms had passed on the scheduler's clock",
                        attemptsSoFar + 1, expectedWait.toMillis())
                .isEqualTo(attemptsSoFar);
        scheduler.advanceMillis(1);
        assertThat(remote.started())
                .as("attempt %d should start once %d ms have passed after attempt %d failed (delays are"
                        + " base × 2^(k-1): 100, 200, 400 ms ...)", attemptsSoFar + 1, expectedWait.toMillis(), attemptsSoFar)
                .isEqualTo(attemptsSoFar + 1);
    }
}
