package course.asyncfetch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A limiter for part A's tests that starts tasks only when the test says so (or, made with
 * {@link #startingEverything()}, at once). It lets the tests check what part A must do with any
 * limiter: hand it every fetch, and cancel the futures it returned when the batch ends.
 * It is not an answer to part B: it counts no slots. Made with {@link #refillingWhenOneEnds()},
 * it also does the one thing a real limiter does by itself: the moment a started task ends
 * (completed, failed or cancelled), it starts the next waiting one, right there on that thread.
 */
final class ManualLimiter implements ConcurrencyLimiter {

    private final class Entry<T> {
        final Supplier<? extends CompletableFuture<T>> task;
        final CompletableFuture<T> result = new CompletableFuture<>();
        boolean started;

        Entry(Supplier<? extends CompletableFuture<T>> task) {
            this.task = task;
        }

        void start() {
            CompletableFuture<T> running = task.get();
            result.whenComplete((value, failure) -> {
                if (result.isCancelled()) {
                    running.cancel(true);
                }
            });
            running.whenComplete((value, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
                if (refill) {
                    startNext(1);
                }
            });
        }
    }

    private final boolean startAtOnce;
    private final boolean refill;
    private final List<Entry<?>> entries = new ArrayList<>(); // guarded by this

    private ManualLimiter(boolean startAtOnce, boolean refill) {
        this.startAtOnce = startAtOnce;
        this.refill = refill;
    }

    /** Starts nothing until the test calls {@link #startNext} or {@link #startAllWaiting}. */
    static ManualLimiter holdingEverything() {
        return new ManualLimiter(false, false);
    }

    /** Starts every task the moment it is submitted (no limit at all). */
    static ManualLimiter startingEverything() {
        return new ManualLimiter(true, false);
    }

    /**
     * Starts what the test says ({@link #startNext}) and, like a real limiter whose slot has come
     * free, the next waiting task the moment a started one ends (cancelled included), on the thread
     * that ended it.
     */
    static ManualLimiter refillingWhenOneEnds() {
        return new ManualLimiter(false, true);
    }

    @Override
    public <T> CompletableFuture<T> submit(Supplier<? extends CompletableFuture<T>> task) {
        Entry<T> entry = new Entry<>(task);
        synchronized (this) {
            entries.add(entry);
            entry.started = startAtOnce;
        }
        if (startAtOnce) {
            entry.start();
        }
        return entry.result;
    }

    /** Starts up to {@code count} waiting tasks, in submission order, skipping cancelled ones. */
    int startNext(int count) {
        List<Entry<?>> toStart = new ArrayList<>();
        synchronized (this) {
            for (Entry<?> entry : entries) {
                if (toStart.size() == count) {
                    break;
                }
                if (!entry.started && !entry.result.isDone()) {
                    entry.started = true;
                    toStart.add(entry);
                }
            }
        }
        toStart.forEach(Entry::start);
        return toStart.size();
    }

    /** Starts every task still waiting whose future was not cancelled — as a real limiter would once slots free up. */
    int startAllWaiting() {
        return startNext(Integer.MAX_VALUE);
    }

    synchronized int submitted() {
        return entries.size();
    }
}
