package course.pipeline;

import java.time.Duration;
import java.util.Objects;

/**
 * The knobs of one pipeline. Given: you use it as is.
 *
 * @param maxConcurrentDownloads at most this many downloads in flight at once (stage 1's limit, K)
 * @param readAhead              at most this many samples downloading, downloaded or being
 *                               transformed that stage 2 has not finished yet (the backpressure
 *                               bound): {@code downloadsStarted - transformsFinished <= readAhead}
 * @param timeout                one global timeout for the whole run
 */
public record PipelineSettings(int maxConcurrentDownloads, int readAhead, Duration timeout) {

    public PipelineSettings {
        if (maxConcurrentDownloads < 1) {
            throw new IllegalArgumentException("maxConcurrentDownloads must be at least 1, was " + maxConcurrentDownloads);
        }
        if (readAhead < 1) {
            throw new IllegalArgumentException("readAhead must be at least 1, was " + readAhead);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }
}
