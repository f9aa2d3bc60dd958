package course.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A repeatable benchmark (not a test): runs the reference pipeline on the demo workload and
 * compares its total time with the best any pipeline could do on this machine,
 * <pre>
 *   bound = max(sum of download latencies / K, sum of transform CPU time / cores) + one item's latency
 * </pre>
 * (the busier stage, working flat out, plus the time the first item needs to get through both
 * stages). The latencies are the demo's fixed ones; the transform's CPU time is measured here,
 * one sample at a time, after a warm-up. CPU time ignores how busy the machine is, so before each
 * run the harness also times the transform stage alone on a pool of {@code cores} threads; that
 * gives a second bound, for the machine as loaded at that moment. Run with
 * {@code mvn -B -q compile exec:exec -pl solutions -Ddemo=course.pipeline.PipelineBenchmark}.
 */
public final class PipelineBenchmark {

    private static final int WARM_UP_RUNS = 2;
    private static final int MEASURED_RUNS = 5;

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        int samples = DemoWorkload.SAMPLES;
        int k = DemoWorkload.MAX_CONCURRENT_DOWNLOADS;

        long latencySumNanos = IntStream.range(0, samples).mapToLong(id -> DemoWorkload.downloadLatency(id).toNanos()).sum();
        long cpuSumNanos = measureTransformCpuNanos(samples);
        double downloadStage = latencySumNanos / 1e9 / k;
        double transformStage = cpuSumNanos / 1e9 / cores;
        double oneItem = (latencySumNanos + cpuSumNanos) / 1e9 / samples;
        double bound = Math.max(downloadStage, transformStage) + oneItem;

        System.out.printf("workload: %d samples, K=%d, read-ahead %d, %d cores, load average %.2f%n",
                samples, k, DemoWorkload.READ_AHEAD, cores, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("sum of download latencies / K   = %.3f s%n", downloadStage);
        System.out.printf("sum of transform CPU time / cores = %.3f s  (%.1f ms per sample)%n",
                transformStage, cpuSumNanos / 1e6 / samples);
        System.out.printf("one item's latency              = %.3f s%n", oneItem);
        System.out.printf("lower bound                     = %.3f s%n", bound);

        for (int run = 0; run < WARM_UP_RUNS; run++) {
            runPipeline(cores);
        }
        double[] totals = new double[MEASURED_RUNS];
        double[] loadedRatios = new double[MEASURED_RUNS];
        for (int run = 0; run < MEASURED_RUNS; run++) {
            double transformStageNow = transformStageAloneNanos(cores) / 1e9;
            double loadedBound = Math.max(downloadStage, transformStageNow) + oneItem;
            PipelineReport report = runPipeline(cores);
            totals[run] = report.totalTime().toNanos() / 1e9;
            loadedRatios[run] = totals[run] / loadedBound;
            System.out.printf("run %d: %.3f s (download stage busy %.3f s, transform stage busy %.3f s); ratio %.3f; "
                            + "transform stage alone just before: %.3f s, bound as loaded %.3f s, ratio %.3f%n",
                    run + 1, totals[run], report.downloadBusyTime().toNanos() / 1e9,
                    report.transformBusyTime().toNanos() / 1e9, totals[run] / bound,
                    transformStageNow, loadedBound, loadedRatios[run]);
        }
        Arrays.sort(totals);
        Arrays.sort(loadedRatios);
        double median = totals[MEASURED_RUNS / 2];
        System.out.printf("median total %.3f s, best %.3f s; median / bound = %.3f (target <= 1.25); "
                        + "median ratio against the bound as loaded = %.3f%n",
                median, totals[0], median / bound, loadedRatios[MEASURED_RUNS / 2]);
    }

    private static PipelineReport runPipeline(int cores) throws Exception {
        try (ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor()) {
            Pipeline pipeline = new Pipeline(DemoWorkload.source(scheduler), DemoWorkload::heavyTransform,
                    Executors.newFixedThreadPool(cores), scheduler, System::nanoTime, DemoWorkload.settings());
            return pipeline.run(DemoWorkload.SAMPLES, result -> { }).get(1, TimeUnit.MINUTES);
        }
    }

    /** Wall time of the transform stage alone: every sample transformed on a pool of {@code cores} threads. */
    private static long transformStageAloneNanos(int cores) throws Exception {
        Sample[] all = IntStream.range(0, DemoWorkload.SAMPLES).mapToObj(PipelineBenchmark::sample).toArray(Sample[]::new);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(cores)) {
            for (Sample sample : all) {
                pool.execute(() -> DemoWorkload.heavyTransform(sample));
            }
        } // close() waits for every transform
        return System.nanoTime() - start;
    }

    /** The transform's CPU time over all samples, measured one at a time on this thread after a warm-up. */
    private static long measureTransformCpuNanos(int samples) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Sample[] all = IntStream.range(0, samples).mapToObj(PipelineBenchmark::sample).toArray(Sample[]::new);
        for (int round = 0; round < 3; round++) {
            for (Sample sample : all) {
                DemoWorkload.heavyTransform(sample);
            }
        }
        long start = threads.getCurrentThreadCpuTime();
        for (Sample sample : all) {
            DemoWorkload.heavyTransform(sample);
        }
        return threads.getCurrentThreadCpuTime() - start;
    }

    /** The same bytes the simulated source delivers for this id. */
    private static Sample sample(int id) {
        byte[] bytes = new byte[DemoWorkload.PAYLOAD_BYTES];
        new SplittableRandom(id).nextBytes(bytes);
        return new Sample(id, bytes);
    }

    private PipelineBenchmark() {
    }
}
