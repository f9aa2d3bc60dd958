package course.threadedio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;

/** Part D: metrics from many small log files, read concurrently. */
public final class LogAggregator {

    private LogAggregator() {
    }

    /**
     * Reads every file in {@code directory} whose name ends in {@code .log} (not subdirectories),
     * on a pool of {@code threads} threads made by {@code threadFactory}, one file per task, and
     * sums up what {@link LogLine#parse} finds in them.
     *
     * <p>Files are read as UTF-8 ({@code Files.readAllLines} does that). A file that cannot be
     * read (for example because it is not valid UTF-8) is named in
     * {@link LogSummary#unreadableFiles()} and contributes nothing else, not even the lines before
     * the failure. A malformed line is counted and skipped. Neither stops the others.
     *
     * @throws IOException if the directory itself cannot be listed
     */
    public static LogSummary aggregate(Path directory, int threads, ThreadFactory threadFactory)
            throws IOException, InterruptedException {
        // TODO (README, part D): list the .log files, read each one in its own task on a fixed pool
        //  (try-with-resources), let every task build its own partial result, and merge the
        //  partials on this thread once their futures are done: no map or counter shared
        //  between the tasks.
        throw new UnsupportedOperationException(
                "TODO: read the log files concurrently and merge per-file results (README, part D)");
    }
}
