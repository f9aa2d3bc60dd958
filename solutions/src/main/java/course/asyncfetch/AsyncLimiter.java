package course.asyncfetch;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Part B: the non-blocking semaphore the JDK lacks. At most {@code maxConcurrent} submitted tasks
 * are running (started, future not yet complete); the others wait in a queue and start, in
 * submission order, as running ones complete.
 */
public final class AsyncLimiter implements ConcurrencyLimiter {

    private final int maxConcurrent;

    // Guarded by `this`: the count and the queue change together, and only for a moment —
    // tasks are always started outside the lock.
    private int running;
    private final Queue<LinkedTask<?>> waiting = new ArrayDeque<>();

    public AsyncLimiter(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, was " + maxConcurrent);
        }
        this.maxConcurrent = maxConcurrent;
    }

    @Override
    public <T> CompletableFuture<T> submit(Supplier<? extends CompletableFuture<T>> task) {
        LinkedTask<T> linked = new LinkedTask<>(task, this::release);
        boolean startNow;
        synchronized (this) {
            startNow = running < maxConcurrent;
            if (startNow) {
                running++;
            } else {
                waiting.add(linked);
            }
        }
        if (startNow) {
            linked.start();
        }
        return linked.result();
    }

    /** A running task finished: hand its slot to the next waiting task, or give it back. */
    private void release() {
        while (true) {
            LinkedTask<?> next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    running--;
                    return;
                }
            }
            if (!next.result().isDone()) { // cancelled while waiting: skip it, keep the slot
                next.start();
                return;
            }
        }
    }
}
