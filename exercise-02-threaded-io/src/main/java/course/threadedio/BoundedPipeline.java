package course.threadedio;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ThreadFactory;

/** Part C: one producer, N consumers, a bounded queue between them, and a clean shutdown. */
public final class BoundedPipeline {

    private BoundedPipeline() {
    }

    /**
     * Hands every item of {@code source} to {@code handler} on {@code consumers} consumer threads
     * made by {@code threadFactory}, through a queue that holds at most {@code capacity} items.
     *
     * <ul>
     *   <li>The calling thread is the producer. While the queue is full it waits (backpressure):
     *       it takes no further item from {@code source} and drops none.</li>
     *   <li>Every item is handled exactly once. Items must not be {@code null}.</li>
     *   <li>When {@code source} is exhausted, every consumer is told to stop (a poison pill, or an
     *       equivalent close signal) and stops after the items queued before it.</li>
     *   <li>Consumers still running {@code shutdownTimeout} after that are interrupted, given up to
     *       {@code shutdownTimeout} more to stop, and named in {@link PipelineReport#stuckConsumers()}.
     *       So the method returns within about twice {@code shutdownTimeout} after the last item was
     *       queued, even if a handler never returns.</li>
     * </ul>
     */
    public static <T> PipelineReport run(
            Iterator<? extends T> source,
            int capacity,
            int consumers,
            ItemHandler<? super T> handler,
            ThreadFactory threadFactory,
            Duration shutdownTimeout) throws InterruptedException {
        // TODO (README, part C): start the consumers, put every item on a bounded BlockingQueue
        //  (put waits while it is full), then send one poison pill per consumer, wait for them
        //  until shutdownTimeout, interrupt and report the ones still running.
        throw new UnsupportedOperationException(
                "TODO: producer and consumers over a bounded queue, poison pill, bounded shutdown (README, part C)");
    }
}
