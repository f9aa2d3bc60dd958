package course.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
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
        if (sampleCount < 0) {
            throw new IllegalArgumentException("sampleCount must not be negative, was " + sampleCount);
        }
        return new Run(sampleCount, Objects.requireNonNull(consumer, "consumer")).start();
    }

    /**
     * One run. Its state is guarded by the Run's own lock ({@code synchronized (this)}); callbacks
     * from download threads and pool threads take it briefly and never wait for anything while
     * holding it. Foreign code that may take long (the source, the transform) is called outside it;
     * the consumer is called inside it, which keeps the results in order and one at a time.
     */
    private final class Run {
        private final int total;
        private final Consumer<Result> consumer;
        private final CompletableFuture<PipelineReport> outcome = new CompletableFuture<>();
        private final long startNanos = nanoClock.getAsLong();

        private final Map<Integer, CompletableFuture<Sample>> downloadsInFlight = new HashMap<>();
        /** The reorder buffer: results that are done but whose turn has not come yet. */
        private final Map<Integer, Result> waitingForTurn = new HashMap<>();
        private final BusyTime downloadBusy = new BusyTime();
        private final BusyTime transformBusy = new BusyTime();
        private ScheduledFuture<?> timeout;
        private int downloadsStarted;
        private int downloading;
        private int transformsFinished;
        private int emitted;
        private boolean over;

        Run(int total, Consumer<Result> consumer) {
            this.total = total;
            this.consumer = consumer;
        }

        CompletableFuture<PipelineReport> start() {
            synchronized (this) { // the timeout may fire at once: it must find `timeout` set
                timeout = timer.schedule(this::onTimeout, settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
            }
            if (total == 0) {
                succeed();
            }
            startDownloads();
            return outcome;
        }

        /**
         * Starts as many downloads as both limits allow, then returns. It never waits for a free
         * slot: the next download completion (or transform completion) calls it again.
         */
        private void startDownloads() {
            List<Integer> toStart = new ArrayList<>();
            synchronized (this) {
                while (!over && downloadsStarted < total
                        && downloading < settings.maxConcurrentDownloads()
                        && downloadsStarted - transformsFinished < settings.readAhead()) {
                    downloadBusy.enter(nanoClock.getAsLong());
                    downloading++;
                    toStart.add(downloadsStarted++);
                }
            }
            toStart.forEach(this::download);
        }

        private void download(int id) {
            CompletableFuture<Sample> download;
            try {
                download = source.download(id);
            } catch (RuntimeException e) {
                download = CompletableFuture.failedFuture(e);
            }
            synchronized (this) {
                if (over) { // the run ended while we were asking the source
                    download.cancel(true);
                    return;
                }
                downloadsInFlight.put(id, download); // the source's own future: cancelling it aborts the download
            }
            download.whenComplete((sample, error) -> onDownloaded(id, sample, error));
        }

        /** Runs on whichever thread completed the download: hand the work to the pool, do not do it here. */
        private void onDownloaded(int id, Sample sample, Throwable error) {
            synchronized (this) {
                if (over) {
                    return;
                }
                downloadsInFlight.remove(id);
                downloading--;
                downloadBusy.exit(nanoClock.getAsLong());
            }
            if (error != null) {
                fail(id, error);
                return;
            }
            try {
                CompletableFuture.supplyAsync(() -> timedTransform(sample), cpuPool)
                        .whenComplete((value, transformError) -> onTransformed(id, value, transformError));
            } catch (RejectedExecutionException e) {
                fail(id, e); // the pool is shut down: the run has just ended (then this is a no-op)
            }
            startDownloads(); // a download slot is free
        }

        /** Runs on a CPU pool thread. */
        private String timedTransform(Sample sample) {
            synchronized (this) {
                if (over) { // taken from the pool's queue just before the run ended
                    throw new CancellationException("the run is over");
                }
                transformBusy.enter(nanoClock.getAsLong());
            }
            try {
                return transform.apply(sample);
            } finally {
                synchronized (this) {
                    transformBusy.exit(nanoClock.getAsLong());
                }
            }
        }

        private void onTransformed(int id, String value, Throwable error) {
            if (error != null) {
                fail(id, error);
                return;
            }
            boolean allEmitted;
            synchronized (this) {
                if (over) { // finished after a timeout or a failure: discard
                    return;
                }
                transformsFinished++;
                waitingForTurn.put(id, new Result(id, value));
                // This result may be the one the next few were waiting for: emit all whose turn has come.
                // The lock keeps emissions in order and one at a time.
                for (Result next; (next = waitingForTurn.remove(emitted)) != null; emitted++) {
                    consumer.accept(next);
                }
                allEmitted = emitted == total;
            }
            if (allEmitted) {
                succeed();
            } else {
                startDownloads(); // stage 2 finished one: the read-ahead window moved on
            }
        }

        private void succeed() {
            PipelineReport report;
            synchronized (this) {
                if (over) {
                    return;
                }
                over = true;
                report = new PipelineReport(emitted, Duration.ofNanos(nanoClock.getAsLong() - startNanos),
                        downloadBusy.total(), transformBusy.total());
            }
            timeout.cancel(false);
            cpuPool.shutdown(); // every transform is done; this lets the pool's threads end
            outcome.complete(report);
        }

        private void onTimeout() {
            abort(emittedSoFar -> new PipelineTimeoutException(settings.timeout(), emittedSoFar, total));
        }

        private void fail(int id, Throwable error) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            abort(emittedSoFar -> new SampleFailedException(id, cause));
        }

        /**
         * Ends the run with an error: nothing new starts, downloads in flight are cancelled,
         * running transforms are interrupted and queued ones dropped ({@code shutdownNow}), and
         * any result that still arrives is discarded (it finds {@code over} set).
         */
        private void abort(IntFunction<Exception> errorGivenEmitted) {
            Exception error;
            List<CompletableFuture<Sample>> toCancel;
            synchronized (this) {
                if (over) {
                    return;
                }
                over = true;
                error = errorGivenEmitted.apply(emitted); // counted under the lock: matches what the consumer got
                toCancel = List.copyOf(downloadsInFlight.values());
                downloadsInFlight.clear();
            }
            timeout.cancel(false);
            toCancel.forEach(download -> download.cancel(true));
            cpuPool.shutdownNow();
            outcome.completeExceptionally(error);
        }
    }

    /** Wall-clock time during which at least one sample was in a stage; overlapping samples count once. */
    private static final class BusyTime {
        private int inStage;
        private long since;
        private long busyNanos;

        void enter(long now) {
            if (inStage++ == 0) {
                since = now;
            }
        }

        void exit(long now) {
            if (--inStage == 0) {
                busyNanos += now - since;
            }
        }

        Duration total() {
            return Duration.ofNanos(busyNanos);
        }
    }
}
