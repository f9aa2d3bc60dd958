package course.asyncfetch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/** Part A: fetch a batch of items concurrently. */
public final class BatchFetch {

    /**
     * Fetches every id through {@code remote}, each fetch submitted to {@code limiter}, and
     * returns the items in the order of {@code ids}. Fails at the first failing fetch, or with a
     * {@link TimeoutException} {@code timeout} after the call; either way every fetch still
     * pending is cancelled and none starts afterwards. Never blocks.
     */
    public static CompletableFuture<List<String>> fetchAll(
            AsyncRemote remote, List<Integer> ids, ConcurrencyLimiter limiter,
            Duration timeout, TaskScheduler scheduler) {
        CompletableFuture<List<String>> batch = new CompletableFuture<>();

        // Every fetch is handed to the limiter now; the limiter decides when each one starts.
        // Cancelling a running fetch at the end frees its slot, and the limiter may start the next
        // queued fetch before that one's cancellation comes: so a task that starts once the batch
        // has ended does not call the remote.
        List<CompletableFuture<String>> fetches = ids.stream()
                .map(id -> limiter.submit(() -> batch.isDone()
                        ? CompletableFuture.<String>failedFuture(new CancellationException("the batch has ended"))
                        : remote.fetch(id)))
                .toList();

        for (CompletableFuture<String> fetch : fetches) {
            fetch.whenComplete((item, failure) -> {
                if (failure != null) {
                    batch.completeExceptionally(failure);
                }
            });
        }
        // Results are read from `fetches`, which is in input order, once all are done;
        // resultNow() does not wait, unlike join().
        CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new))
                .thenRun(() -> batch.complete(fetches.stream().map(CompletableFuture::resultNow).toList()));

        var timer = scheduler.schedule(timeout,
                () -> batch.completeExceptionally(new TimeoutException("batch not done after " + timeout)));

        // However the batch ends (items, failure, timeout, or the caller cancelling it), stop the
        // timer and cancel every fetch left: a running one is cancelled, a queued one never starts.
        batch.whenComplete((items, failure) -> {
            timer.cancel(false);
            fetches.forEach(fetch -> fetch.cancel(true));
        });
        return batch;
    }

    private BatchFetch() {
    }
}
