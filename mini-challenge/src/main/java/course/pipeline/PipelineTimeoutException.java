package course.pipeline;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The error a run fails with when its global timeout fires. Given: you use it as is.
 */
public class PipelineTimeoutException extends TimeoutException {

    private final int emitted;
    private final int total;

    /**
     * @param timeout the timeout that fired
     * @param emitted how many results the consumer had received when it fired
     * @param total   how many samples the run was asked to process
     */
    public PipelineTimeoutException(Duration timeout, int emitted, int total) {
        super("the pipeline timed out after %d ms: %d of %d samples were emitted"
                .formatted(timeout.toMillis(), emitted, total));
        this.emitted = emitted;
        this.total = total;
    }

    public int emitted() {
        return emitted;
    }

    public int total() {
        return total;
    }
}
