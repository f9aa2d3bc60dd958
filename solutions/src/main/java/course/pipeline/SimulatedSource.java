package course.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A pretend remote store for the demo: each download completes after its latency, on the
 * scheduler's thread. Nothing sleeps: the scheduler completes the future when the time is up,
 * the way a real asynchronous client completes it when the bytes arrive.
 * Given: you use it as is.
 */
public final class SimulatedSource implements SampleSource {

    private final ScheduledExecutorService scheduler;
    private final IntFunction<Duration> latencyOf;
    private final int payloadBytes;

    /**
     * @param scheduler    completes the downloads (one thread is plenty: it only completes futures)
     * @param latencyOf    how long the download of each sample id takes
     * @param payloadBytes the size of every sample
     */
    public SimulatedSource(ScheduledExecutorService scheduler, IntFunction<Duration> latencyOf, int payloadBytes) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.latencyOf = Objects.requireNonNull(latencyOf, "latencyOf");
        this.payloadBytes = payloadBytes;
    }

    @Override
    public CompletableFuture<Sample> download(int id) {
        CompletableFuture<Sample> download = new CompletableFuture<>();
        ScheduledFuture<?> arrival = scheduler.schedule(
                () -> download.complete(new Sample(id, payload(id))),
                latencyOf.apply(id).toNanos(), TimeUnit.NANOSECONDS);
        // Cancelling the download aborts it: the scheduled arrival is dropped.
        download.whenComplete((sample, error) -> {
            if (download.isCancelled()) {
                arrival.cancel(false);
            }
        });
        return download;
    }

    /** The same bytes for the same id on every run. */
    private byte[] payload(int id) {
        byte[] bytes = new byte[payloadBytes];
        new SplittableRandom(id).nextBytes(bytes);
        return bytes;
    }
}
