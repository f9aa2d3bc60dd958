package course.threadedio;

import java.util.List;
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
        // TODO (README, part A): submit one download per id to a fixed pool of poolSize threads
        //  built with threadFactory, in try-with-resources; hash each download with ShortHash.of;
        //  collect the hashes in the order of ids, not in the order the downloads finish; turn a
        //  failed download into a DownloadFailedException that names its id.
        throw new UnsupportedOperationException(
                "TODO: download every id on a fixed pool, hashes in input order (README, part A)");
    }
}
