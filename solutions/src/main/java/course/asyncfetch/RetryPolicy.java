package course.asyncfetch;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * How {@link Retry} retries: at most {@code maxAttempts} attempts in all; before retry number
 * {@code k} (k = 1, 2, ...) it waits {@code jitter.apply(baseDelay × 2^(k-1))}.
 *
 * @param maxAttempts attempts in all, the first one included (at least 1)
 * @param baseDelay   the wait before the first retry
 * @param jitter      adjusts each computed delay (random jitter in real code; identity by default)
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, UnaryOperator<Duration> jitter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (baseDelay.isNegative()) {
            throw new IllegalArgumentException("baseDelay must not be negative, was " + baseDelay);
        }
    }

    /** A policy without jitter. */
    public static RetryPolicy of(int maxAttempts, Duration baseDelay) {
        return new RetryPolicy(maxAttempts, baseDelay, UnaryOperator.identity());
    }
}
