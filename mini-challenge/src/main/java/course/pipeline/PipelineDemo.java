package course.pipeline;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo: 100 simulated downloads (at most 10 at once) feeding a CPU-heavy transform on a
 * pool sized to the cores; prints a few results as they stream out, then the report.
 * Given: it runs your {@link Pipeline}. Run it with
 * {@code mvn -q compile exec:exec -pl mini-challenge -Ddemo=course.pipeline.PipelineDemo}.
 */
public final class PipelineDemo {

    public static void main(String[] args) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        // One scheduler thread completes the simulated downloads and fires the timeout.
        try (ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor()) {
            ExecutorService cpuPool = Executors.newFixedThreadPool(cores); // the pipeline shuts it down
            Pipeline pipeline = new Pipeline(DemoWorkload.source(scheduler), DemoWorkload::heavyTransform,
                    cpuPool, scheduler, System::nanoTime, DemoWorkload.settings());
            AtomicInteger received = new AtomicInteger();
            PipelineReport report = pipeline.run(DemoWorkload.SAMPLES, result -> {
                int n = received.incrementAndGet();
                if (n <= 3 || n % 25 == 0) {
                    System.out.printf("%6.2f s  result %3d: sample %d -> %s%n",
                            (System.nanoTime() - start) / 1e9, n, result.sampleId(), result.value());
                }
            }).get(DemoWorkload.TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            System.out.println(report.summary());
            System.out.printf("(%d CPU threads, at most %d downloads at once, read-ahead %d)%n",
                    cores, DemoWorkload.MAX_CONCURRENT_DOWNLOADS, DemoWorkload.READ_AHEAD);
        }
    }
}
