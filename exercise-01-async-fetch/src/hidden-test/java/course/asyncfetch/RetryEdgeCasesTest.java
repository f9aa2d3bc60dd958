package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.failureChainOf;
import static course.asyncfetch.AsyncAssertions.returnsPromptly;
import static course.asyncfetch.AsyncAssertions.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("part:D")
@DisplayName("D. Retry: edge cases")
@ExtendWith(TimelineExtension.class)
class RetryEdgeCasesTest extends RetryTestSupport {

    @Test
    @Tag("points:0.5")
    @DisplayName("a first attempt that succeeds is the only attempt")
    void firstAttemptSucceeds() {
        var result = retry(RetryPolicy.of(5, BASE));
        remote.complete(0);
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(valueOf(result, "attempt 1 succeeded")).isEqualTo(FakeRemote.itemFor(42));
        assertThat(remote.started()).as("attempts made when the first one succeeds").isEqualTo(1);
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("applies the policy's jitter to every delay")
    void appliesJitter() {
        var result = retry(new RetryPolicy(3, BASE, delay -> delay.multipliedBy(3)));
        failAndExpectRetryAfter(1, BASE.multipliedBy(3));
        failAndExpectRetryAfter(2, BASE.multipliedBy(6));
        remote.complete(2);
        assertThat(valueOf(result, "attempt 3 succeeded")).isEqualTo(FakeRemote.itemFor(42));
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("cancelling the returned future stops further attempts")
    void cancelStops() {
        var result = retry(RetryPolicy.of(5, BASE));
        remote.fail(0, new IllegalStateException("attempt 1 failed"));
        result.cancel(true);
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(remote.started())
                .as("the caller cancelled the retry while it waited to try again; attempts started in all: %d, expected 1"
                        + " — check that the result is still wanted when the wait is over, before the next attempt",
                        remote.started())
                .isEqualTo(1);
    }

    @Test
    @Tag("points:0.5")
    @DisplayName("an attempt that throws instead of returning a future counts as a failed attempt")
    void throwingAttempt() {
        var calls = new AtomicInteger();
        var boom = new IllegalStateException("attempt threw");
        CompletableFuture<String> result = returnsPromptly("Retry.withRetry(...)", () -> Retry.withRetry(() -> {
            if (calls.incrementAndGet() < 3) {
                throw boom;
            }
            return CompletableFuture.completedFuture("third time lucky");
        }, RetryPolicy.of(3, BASE), scheduler));

        scheduler.advance(BASE.multipliedBy(3));
        assertThat(calls.get()).as("attempts after two that threw (delays 100 + 200 ms)").isEqualTo(3);
        assertThat(valueOf(result, "attempt 3 succeeded")).isEqualTo("third time lucky");
        assertThat(failureChainOf(CompletableFuture.failedFuture(boom), "sanity")).contains(boom);
    }

    @Test
    @Tag("points:0.5")
    @DisplayName("cancelling while an attempt is running: no attempt after it")
    void cancelWhileAnAttemptRuns() {
        var result = retry(RetryPolicy.of(5, BASE));
        result.cancel(true);
        remote.fail(0, new IllegalStateException("attempt 1 failed after the caller cancelled"));
        scheduler.advance(Duration.ofSeconds(10));

        assertThat(remote.started())
                .as("the caller cancelled the retry while attempt 1 was still running; attempts started in all: %d,"
                        + " expected 1", remote.started())
                .isEqualTo(1);
    }

    @Test
    @Tag("points:0.5")
    @DisplayName("with maxAttempts 1, a failure fails at once and nothing is retried")
    void oneAttemptOnly() {
        var result = retry(RetryPolicy.of(1, BASE));
        var only = new IllegalStateException("the only attempt failed");
        remote.fail(0, only);

        assertThat(failureChainOf(result, "the only attempt failed"))
                .as("maxAttempts 1 means one attempt in all: its failure is the result, at once").contains(only);
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(remote.started()).as("attempts made with maxAttempts 1").isEqualTo(1);
    }
}
