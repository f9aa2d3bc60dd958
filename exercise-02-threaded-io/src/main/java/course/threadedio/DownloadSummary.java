package course.threadedio;

import java.util.List;

/**
 * What {@link PooledDownloader#downloadAll} returns: how many downloads completed and the
 * short hashes of the first ones, in the order the ids were given.
 */
public record DownloadSummary(int completed, List<String> firstHashes) {

    public DownloadSummary {
        firstHashes = List.copyOf(firstHashes);
    }
}
