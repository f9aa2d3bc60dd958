package course.threadedio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
        // An empty Optional is the poison pill: it cannot be mistaken for an item.
        BlockingQueue<Optional<T>> queue = new ArrayBlockingQueue<>(capacity);
        AtomicInteger processed = new AtomicInteger();
        List<Thread> workers = new ArrayList<>(consumers);
        for (int i = 0; i < consumers; i++) {
            Thread worker = threadFactory.newThread(() -> consume(queue, handler, processed));
            workers.add(worker);
            worker.start();
        }

        int produced = 0;
        while (source.hasNext()) {
            queue.put(Optional.of(source.next())); // waits while the queue is full: backpressure
            produced++;
        }

        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        for (int i = 0; i < consumers; i++) {
            // One pill per consumer. offer with a deadline: stuck consumers may keep the queue full.
            if (!queue.offer(Optional.empty(), deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                break;
            }
        }
        List<Thread> stuck = new ArrayList<>();
        for (Thread worker : workers) {
            if (!worker.join(Duration.ofNanos(deadline - System.nanoTime()))) {
                stuck.add(worker);
            }
        }
        for (Thread worker : stuck) {
            worker.interrupt();
        }
        for (Thread worker : stuck) {
            worker.join(shutdownTimeout);
        }
        return new PipelineReport(produced, processed.get(), stuck.stream().map(Thread::getName).toList());
    }

    private static <T> void consume(
            BlockingQueue<Optional<T>> queue, ItemHandler<? super T> handler, AtomicInteger processed) {
        try {
            while (true) {
                Optional<T> message = queue.take();
                if (message.isEmpty()) {
                    return; // the poison pill: everything queued before it has been taken
                }
                handler.handle(message.get());
                processed.incrementAndGet();
            }
        } catch (InterruptedException e) {
            // Interrupted by the shutdown: stop. The thread ends here, so there is no one to tell.
        }
    }
}
