package course.asyncfetch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Part A: fetch a batch of items concurrently (README, part A). */
public final class BatchFetch {

    /**
     * Fetches every id through {@code remote}, each fetch submitted to {@code limiter}, and
     * returns the items in the order of {@code ids}.
     *
     * <ul>
     *   <li>Returns at once; never blocks a thread.</li>
     *   <li>If the batch is not done {@code timeout} after the call (measured on {@code scheduler}),
     *       the returned future fails with a {@link java.util.concurrent.TimeoutException}, every
     *       pending fetch is cancelled and no fetch starts afterwards.</li>
     *   <li>If a fetch fails, the returned future fails with that fetch's exception and every
     *       other fetch is cancelled.</li>
     * </ul>
     */
    public static CompletableFuture<List<String>> fetchAll(
            AsyncRemote remote, List<Integer> ids, ConcurrencyLimiter limiter,
            Duration timeout, TaskScheduler scheduler) {
        // TODO: submit each fetch to the limiter, combine the futures in input order, fail the
        //  batch on the first failure or at the timeout, and cancel what is left (README, part A).
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "TODO: fetch every id through the limiter, in input order, with a global timeout (README, part A)"));
    }

    private BatchFetch() {
    }
}
