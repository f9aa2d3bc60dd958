package course.asyncfetch;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A task a limiter has accepted but may not have started yet, with the future the caller holds.
 * Shared by the limiters: starting the task links the two futures both ways — the task's outcome
 * completes the caller's future, and cancelling the caller's future cancels the task's.
 */
final class LinkedTask<T> {

    private final Supplier<? extends CompletableFuture<T>> task;
    private final Runnable onFinished;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    LinkedTask(Supplier<? extends CompletableFuture<T>> task, Runnable onFinished) {
        this.task = task;
        this.onFinished = onFinished;
    }

    CompletableFuture<T> result() {
        return result;
    }

    /** Starts the task; {@code onFinished} runs once its future is complete, however it ends. */
    void start() {
        CompletableFuture<T> running;
        try {
            running = task.get();
        } catch (RuntimeException e) {
            running = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> started = running;
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                started.cancel(true);
            }
        });
        started.whenComplete((value, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
            onFinished.run();
        });
    }
}
