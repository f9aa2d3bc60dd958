package course.cpuparallel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Not a test: a repeatable benchmark of the reference solutions of parts A and B against a plain
 * sequential loop on the same input, plus part C's three shapes (per-task maps, one
 * ConcurrentHashMap, one global lock) to show what contention costs. Each workload runs a few
 * warm-up rounds (so the JIT has compiled everything), then measured rounds; each round times the
 * sequential and the parallel version with {@link SpeedupMeter} and checks their results agree.
 * It prints the median times, the speedup and the target 0.85 x min(cores, tasks).
 *
 * <pre>mvn -B -q compile exec:exec -pl solutions -Ddemo=course.cpuparallel.SpeedupBenchmark</pre>
 */
public final class SpeedupBenchmark {

    private static final int WARM_UP_ROUNDS = 3;
    private static final int MEASURED_ROUNDS = 7;

    private SpeedupBenchmark() {
    }

    public static void main(String[] args) {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%d cores, %d warm-up + %d measured rounds, medians%n%n",
                cores, WARM_UP_ROUNDS, MEASURED_ROUNDS);
        System.out.printf(Locale.ROOT, "%-44s %6s %12s %12s %8s %8s%n",
                "workload", "tasks", "sequential", "parallel", "speedup", "target");

        // A: eight prime counts of similar cost, so two threads can share them evenly.
        List<Integer> limits = IntStream.range(0, 8).mapToObj(i -> 1_000_000 + 100_000 * i).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(cores)) {
            run("A  primes below 1.0M .. 1.7M (8 limits)", limits.size(), cores,
                    () -> limits.stream().map(limit -> new Pair<>(limit, Primes.countBelow(limit))).toList(),
                    () -> OrderedParallelMap.map(limits, Primes::countBelow, pool));
        }

        // B: the seeds' "sum of squares of 4 large ranges", each one split by the RecursiveTask.
        long width = 75_000_000L;
        List<Long> starts = List.of(0L, width, 2 * width, 3 * width);
        try (ForkJoinPool forkJoinPool = new ForkJoinPool(cores)) {
            // 4 tasks at the top; the RecursiveTask splits each range into thousands of leaves.
            // The baseline is the same loop the RecursiveTask runs on its leaves, over each whole range, on one thread.
            run("B  sum of squares, 4 ranges of 75M", starts.size(), cores,
                    () -> starts.stream().map(from -> sequentialSumOfSquares(from, from + width)).toList(),
                    () -> starts.stream().map(from -> SumOfSquares.sumOfSquares(from, from + width, forkJoinPool)).toList());
        }

        // C: not graded on speed; shows that the shape of the aggregation decides the speedup.
        List<String> documents = documents(1_000, 1_000, 2_000);
        try (ExecutorService pool = Executors.newFixedThreadPool(cores)) {
            Supplier<Map<String, Long>> sequential = () -> sequentialWordCount(documents);
            run("C  word counts, per-task maps (solution)", documents.size(), cores,
                    sequential, () -> WordFrequencies.count(documents, pool));
            run("C  word counts, one ConcurrentHashMap", documents.size(), cores,
                    sequential, () -> concurrentMapWordCount(documents, pool));
            run("C  word counts, one global lock", documents.size(), cores,
                    sequential, () -> globalLockWordCount(documents, pool));
        }
    }

    private static <R> void run(String name, int tasks, int cores, Supplier<R> sequential, Supplier<R> parallel) {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            SpeedupMeter.system().measure(sequential, parallel);
        }
        List<Duration> sequentialTimes = new ArrayList<>();
        List<Duration> parallelTimes = new ArrayList<>();
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            SpeedupReport<R> report = SpeedupMeter.system().measure(sequential, parallel);
            if (!report.resultsEqual()) {
                throw new IllegalStateException(name + ": the parallel result differs from the sequential one");
            }
            sequentialTimes.add(report.sequentialTime());
            parallelTimes.add(report.parallelTime());
        }
        Duration sequentialMedian = median(sequentialTimes);
        Duration parallelMedian = median(parallelTimes);
        double speedup = (double) sequentialMedian.toNanos() / parallelMedian.toNanos();
        double target = 0.85 * Math.min(cores, tasks);
        System.out.printf(Locale.ROOT, "%-44s %6d %9.1f ms %9.1f ms %7.2fx %7.2fx%n", name, tasks,
                sequentialMedian.toNanos() / 1e6, parallelMedian.toNanos() / 1e6, speedup, target);
    }

    private static Duration median(List<Duration> times) {
        List<Duration> sorted = times.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }


    private static Map<String, Long> sequentialWordCount(List<String> documents) {
        Map<String, Long> counts = new HashMap<>();
        for (String document : documents) {
            for (String word : Words.split(document)) {
                counts.merge(word, 1L, Long::sum);
            }
        }
        return counts;
    }

    /** Correct: merge() on a ConcurrentHashMap is atomic per key, but tasks contend on popular keys. */
    private static Map<String, Long> concurrentMapWordCount(List<String> documents, ExecutorService pool) {
        Map<String, Long> counts = new ConcurrentHashMap<>();
        documents.stream()
                .map(document -> CompletableFuture.runAsync(
                        () -> Words.split(document).forEach(word -> counts.merge(word, 1L, Long::sum)), pool))
                .toList()
                .forEach(CompletableFuture::join);
        return new HashMap<>(counts);
    }

    /** Correct but serial: every update takes the same lock, so the tasks mostly wait for each other. */
    private static Map<String, Long> globalLockWordCount(List<String> documents, ExecutorService pool) {
        Map<String, Long> counts = new HashMap<>();
        documents.stream()
                .map(document -> CompletableFuture.runAsync(() -> {
                    for (String word : Words.split(document)) {
                        synchronized (counts) {
                            counts.merge(word, 1L, Long::sum);
                        }
                    }
                }, pool))
                .toList()
                .forEach(CompletableFuture::join);
        synchronized (counts) {
            return new HashMap<>(counts);
        }
    }

    /** Deterministic documents: {@code count} texts of {@code wordsEach} words drawn from {@code vocabulary} words. */
    private static List<String> documents(int count, int wordsEach, int vocabulary) {
        List<String> documents = new ArrayList<>(count);
        long state = 42;
        for (int d = 0; d < count; d++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < wordsEach; w++) {
                state = state * 6364136223846793005L + 1442695040888963407L;   // a fixed-seed LCG
                int index = (int) ((state >>> 33) % vocabulary);
                text.append("w");
                do {                                                         // the index in letters
                    text.append((char) ('a' + index % 26));
                    index /= 26;
                } while (index > 0);
                text.append(' ');
            }
            documents.add(text.toString());
        }
        return documents;
    }

    /**
     * The sequential baseline: the leaf loop of the reference RecursiveTask, kept here so the
     * benchmark does not depend on anything a known-wrong variant of SumOfSquares might lack.
     */
    private static java.math.BigInteger sequentialSumOfSquares(long from, long to) {
        java.math.BigInteger total = java.math.BigInteger.ZERO;
        long partial = 0;
        for (long n = from; n < to; n++) {
            long square = n * n;
            if (partial > Long.MAX_VALUE - square) {
                total = total.add(java.math.BigInteger.valueOf(partial));
                partial = 0;
            }
            partial += square;
        }
        return total.add(java.math.BigInteger.valueOf(partial));
    }
}
