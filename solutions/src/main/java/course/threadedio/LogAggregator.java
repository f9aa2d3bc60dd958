package course.threadedio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Stream;

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
        List<Path> files;
        try (Stream<Path> entries = Files.list(directory)) {
            files = entries.filter(f -> f.getFileName().toString().endsWith(".log") && !Files.isDirectory(f))
                    .toList();
        }

        // Every task fills its own FileStats, which no other thread sees; the futures hand them
        // to this thread, which merges them. Nothing is shared, so nothing needs a lock.
        List<Future<FileStats>> partials = new ArrayList<>(files.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, threadFactory)) {
            for (Path file : files) {
                partials.add(pool.submit(() -> FileStats.read(file)));
            }
        }

        FileStats total = new FileStats("");
        int filesRead = 0;
        List<String> unreadable = new ArrayList<>();
        for (Future<FileStats> partial : partials) {
            FileStats stats;
            try {
                stats = partial.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("reading a log file failed unexpectedly", e.getCause());
            }
            if (stats.unreadable) {
                unreadable.add(stats.file);
            } else {
                filesRead++;
                total.merge(stats);
            }
        }
        return new LogSummary(filesRead, total.counts, total.slowest, total.malformed, unreadable);
    }

    /** What one file contains. Filled by one task, then read by the merging thread only. */
    private static final class FileStats {
        final String file;
        final Map<LogLevel, Long> counts = new EnumMap<>(LogLevel.class);
        SlowRequest slowest;
        long malformed;
        boolean unreadable;

        FileStats(String file) {
            this.file = file;
        }

        static FileStats read(Path path) {
            FileStats stats = new FileStats(path.getFileName().toString());
            List<String> lines;
            try {
                lines = Files.readAllLines(path); // UTF-8; a malformed byte sequence throws
            } catch (IOException e) {
                stats.unreadable = true;
                return stats;
            }
            for (String line : lines) {
                LogLine.parse(line).ifPresentOrElse(stats::add, () -> stats.malformed++);
            }
            return stats;
        }

        void add(LogLine line) {
            counts.merge(line.level(), 1L, Long::sum);
            offer(new SlowRequest(line.requestId(), line.durationMillis(), file));
        }

        void offer(SlowRequest request) {
            if (request != null && (slowest == null || request.durationMillis() > slowest.durationMillis())) {
                slowest = request;
            }
        }

        void merge(FileStats other) {
            other.counts.forEach((level, n) -> counts.merge(level, n, Long::sum));
            malformed += other.malformed;
            offer(other.slowest);
        }
    }
}
