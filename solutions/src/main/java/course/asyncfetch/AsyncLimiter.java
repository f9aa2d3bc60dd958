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

    // Guarded by `this`: they change together, and only for a moment — tasks are always started
    // outside the lock.
    private int running;
    private final Queue<LinkedTask<?>> waiting = new ArrayDeque<>();
    private boolean starting; // a thread is in the loop of startWhatTheLimitAllows

    public AsyncLimiter(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, was " + maxConcurrent);
        }
        this.maxConcurrent = maxConcurrent;
    }

    @Override
    public <T> CompletableFuture<T> submit(Supplier<? extends CompletableFuture<T>> task) {
        LinkedTask<T> linked = new LinkedTask<>(task, this::finished);
        synchronized (this) {
            waiting.add(linked);
        }
        startWhatTheLimitAllows();
        return linked.result();
    }

    /** A running task's future is complete, however it ended: its slot is free. */
    private void finished() {
        synchronized (this) {
            running--;
        }
        startWhatTheLimitAllows();
    }

    /**
     * Starts waiting tasks, oldest first, while a slot is free. One thread at a time runs the loop:
     * a task that completes as it starts frees its slot from inside start(), and starting the next
     * task right there would nest one call deeper per task until the stack overflows. Instead the
     * thread already in the loop finds the free slot on its next turn.
     */
    private void startWhatTheLimitAllows() {
        synchronized (this) {
            if (starting) {
                return;
            }
            starting = true;
        }
        while (true) {
            LinkedTask<?> next;
            synchronized (this) {
                while (!waiting.isEmpty() && waiting.peek().result().isDone()) {
                    waiting.poll(); // cancelled while waiting: it never starts, and takes no slot
                }
                if (waiting.isEmpty() || running == maxConcurrent) {
                    starting = false;
                    return;
                }
                next = waiting.poll();
                running++;
            }
            next.start();
        }
    }
}
