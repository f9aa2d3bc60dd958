package course.threadedio;

import java.util.List;

/**
 * What {@link BoundedPipeline#run} returns.
 *
 * @param produced       items the producer put on the queue
 * @param processed      items a consumer handled to the end (the handler returned normally)
 * @param stuckConsumers names of the consumer threads that had not stopped when the shutdown
 *                       timeout ran out and were interrupted; empty after a clean shutdown
 */
public record PipelineReport(int produced, int processed, List<String> stuckConsumers) {

    public PipelineReport {
        stuckConsumers = List.copyOf(stuckConsumers);
    }
}
