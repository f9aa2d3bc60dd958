package course.pipeline;

import java.util.concurrent.CompletableFuture;

/**
 * Where samples come from: an asynchronous client (think of an HTTP client or an object store).
 * Given: you use it as is.
 *
 * <p>{@link #download(int)} returns at once with a future that completes later, on one of the
 * client's own threads, when the bytes have arrived. No thread of yours waits meanwhile.
 * Cancelling the returned future ({@code cancel(true)}) aborts the download: keep the future the
 * source gave you if you may need to cancel it (cancelling a future derived from it with
 * {@code thenApply} and friends does not reach the source).
 */
@FunctionalInterface
public interface SampleSource {

    /** Starts downloading sample {@code id}; the future completes with the sample or fails. */
    CompletableFuture<Sample> download(int id);
}
