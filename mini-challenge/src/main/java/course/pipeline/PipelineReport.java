package course.pipeline;

import java.time.Duration;

/**
 * What a successful run reports. Given: you use it as is (you compute the numbers, part H).
 *
 * <p>A stage is <em>busy</em> while at least one sample is in it; samples in the same stage at
 * the same time count once. So {@code downloadBusyTime + transformBusyTime > totalTime} means
 * the two stages overlapped.
 *
 * @param itemsProcessed    how many results were emitted
 * @param totalTime         from the call to {@code run} until the last result was emitted
 * @param downloadBusyTime  how long at least one download was in flight
 * @param transformBusyTime how long at least one transform was running
 */
public record PipelineReport(int itemsProcessed, Duration totalTime,
                             Duration downloadBusyTime, Duration transformBusyTime) {

    /** The demo's closing lines. */
    public String summary() {
        return """
                Total items processed: %d
                Total time: %s
                Download stage busy: %s, transform stage busy: %s"""
                .formatted(itemsProcessed, seconds(totalTime), seconds(downloadBusyTime), seconds(transformBusyTime));
    }

    private static String seconds(Duration duration) {
        return "%.2f s".formatted(duration.toNanos() / 1e9);
    }
}
