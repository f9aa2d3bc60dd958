package course.threadedio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/** Part A: many blocking downloads on a fixed pool of threads. */
public final class PooledDownloader {

    /** How many hashes a {@link DownloadSummary} keeps. */
    public static final int FIRST_HASHES = 5;

    private PooledDownloader() {
    }

    /**
     * Downloads every id from {@code store} on a fixed pool of {@code poolSize} threads made by
     * {@code threadFactory}, hashes each download with {@link ShortHash#of}, and returns how many
     * completed and the first {@value #FIRST_HASHES} hashes <em>in the order of {@code ids}</em>.
     *
     * <p>At most {@code poolSize} downloads run at once. No pool thread is left running when the
     * method returns, whether it returns normally or by throwing.
     *
     * @throws DownloadFailedException if a download fails; it names the failing id
     */
    public static DownloadSummary downloadAll(
            BlockingStore store, List<Integer> ids, int poolSize, ThreadFactory threadFactory)
            throws DownloadFailedException, InterruptedException {
        // close() at the end of the try shuts the pool down and waits for its threads, on every
        // way out of the block, so no pool thread outlives the call.
        try (ExecutorService pool = Executors.newFixedThreadPool(poolSize, threadFactory)) {
            List<Future<String>> hashes = new ArrayList<>(ids.size());
            for (int id : ids) {
                hashes.add(pool.submit(() -> ShortHash.of(store.download(id))));
            }
            // Reading the futures in submission order gives the hashes in input order, whatever
            // order the downloads finish in.
            List<String> inOrder = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                try {
                    inOrder.add(hashes.get(i).get());
                } catch (ExecutionException e) {
                    pool.shutdownNow(); // the batch has failed: stop what is still running or queued
                    throw new DownloadFailedException(ids.get(i), e.getCause());
                }
            }
            return new DownloadSummary(inOrder.size(), inOrder.subList(0, Math.min(FIRST_HASHES, inOrder.size())));
        }
    }
}
