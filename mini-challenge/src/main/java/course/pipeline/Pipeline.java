package course.pipeline;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A two-stage pipeline: stage 1 downloads samples asynchronously (at most K at once, never more
 * than {@code readAhead} ahead of stage 2), stage 2 transforms each sample on the CPU pool as
 * soon as it has arrived, and the results reach the consumer in input order, each as soon as
 * its turn comes. One global timeout ends everything.
 *
 * <p>A pipeline runs once: it owns the CPU pool it is given and shuts it down when the run ends.
 */
public final class Pipeline {

    private final SampleSource source;
    private final Function<Sample, String> transform;
    private final ExecutorService cpuPool;
    private final ScheduledExecutorService timer;
    private final LongSupplier nanoClock;
    private final PipelineSettings settings;

    /**
     * @param source    stage 1: where samples are downloaded from (asynchronously)
     * @param transform stage 2: the CPU-heavy work, applied to every sample on {@code cpuPool}
     * @param cpuPool   the pool stage 2 runs on; the pipeline shuts it down when the run ends
     * @param timer     schedules the global timeout (nothing else)
     * @param nanoClock the clock the report is measured with ({@code System::nanoTime} in the demo)
     * @param settings  the download limit, the read-ahead bound and the timeout
     */
    public Pipeline(SampleSource source, Function<Sample, String> transform, ExecutorService cpuPool,
                    ScheduledExecutorService timer, LongSupplier nanoClock, PipelineSettings settings) {
        this.source = Objects.requireNonNull(source, "source");
        this.transform = Objects.requireNonNull(transform, "transform");
        this.cpuPool = Objects.requireNonNull(cpuPool, "cpuPool");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Runs samples {@code 0 .. sampleCount-1} through both stages and hands each result to
     * {@code consumer} in input order. Returns at once; the future completes with the report,
     * or fails with a {@link PipelineTimeoutException} or a {@link SampleFailedException}.
     */
    public CompletableFuture<PipelineReport> run(int sampleCount, Consumer<Result> consumer) {
        // TODO: build the pipeline part by part, in README order (parts A to H):
        //  A start downloads from `source`, at most K in flight, without ever waiting in a thread;
        //  B transform each sample on `cpuPool`;  C as soon as it is downloaded;
        //  D emit results in input order as soon as their turn comes;  E stay within `readAhead`;
        //  F schedule one timeout on `timer`;  G fail on the first failing sample;  H measure with `nanoClock`.
        //  Tip: keep the state of one run (counters, futures in flight, waiting results) in a
        //  small inner class whose methods are the callbacks, guarded by one lock.
        throw new UnsupportedOperationException(
                "Pipeline.run is not written yet: TODO: run the samples through download -> transform -> ordered emission (README, parts A-H)");
    }
}
