package course.pipeline;

import static course.pipeline.Waits.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One pipeline wired to fakes: a {@link FakeSource}, a {@link FakeTransform}, a CPU pool whose
 * threads are named {@code cpu-<test>-N}, a {@link ManualTimer}, a clock the test sets, and a
 * consumer that records what it receives. Close it after the test (it releases every fake and
 * stops the pool, whatever the pipeline did).
 */
final class PipelineRig implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final AtomicInteger RIGS = new AtomicInteger();

    final AtomicLong clockNanos = new AtomicLong(1_000_000_000L);
    final FakeSource source = new FakeSource(clockNanos::get);
    final FakeTransform transform;
    final ManualTimer timer = new ManualTimer();
    final String cpuThreadPrefix = "cpu-" + RIGS.incrementAndGet() + "-";
    final ThreadPoolExecutor cpuPool;
    final PipelineSettings settings;
    private final List<Result> received = new ArrayList<>();
    private final Consumer<Result> consumer = result -> {
        synchronized (received) {
            received.add(result);
        }
    };

    PipelineRig(int maxConcurrentDownloads, int readAhead, int cpuThreads, FakeTransform transform) {
        this.transform = transform;
        this.settings = new PipelineSettings(maxConcurrentDownloads, readAhead, TIMEOUT);
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory named = work -> {
            Thread thread = new Thread(work, cpuThreadPrefix + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.cpuPool = new ThreadPoolExecutor(cpuThreads, cpuThreads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), named);
    }

    Pipeline pipeline() {
        return new Pipeline(source, transform, cpuPool, timer, clockNanos::get, settings);
    }

    CompletableFuture<PipelineReport> run(int samples) {
        return pipeline().run(samples, consumer);
    }

    /** The clock's reading in milliseconds after its start value. */
    static long millisOf(long clockNanos) {
        return TimeUnit.NANOSECONDS.toMillis(clockNanos - 1_000_000_000L);
    }

    /**
     * Sets the clock to {@code millis} after its start value, once the pipeline has settled (see
     * {@link #awaitSettled()}), so that every clock reading the pipeline takes in reaction to the
     * test's previous step still sees the previous time.
     */
    void clockAt(long millis) {
        awaitSettled();
        clockNanos.set(1_000_000_000L + TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /**
     * Waits until the pipeline has finished reacting to the test's last step: every thread that
     * completed a download has returned from the pipeline's callbacks, and the CPU pool has nothing
     * queued and runs nothing but transforms that wait for the test. (A thread held in a transform
     * counts as settled wherever it runs: a transform on the wrong thread is part B's mistake, graded
     * there.)
     */
    void awaitSettled() {
        eventually("the pipeline settled: download callbacks returned and the CPU pool idle apart from transforms "
                + "waiting for the test. A callback that waits for something blocks a thread it does not own",
                () -> source.completers().stream().allMatch(thread -> !thread.isAlive() || transform.isHeldAtGate(thread))
                        && cpuPool.getQueue().isEmpty()
                        && cpuPool.getActiveCount() == transform.heldAtGate(cpuThreadPrefix));
    }

    List<Result> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<Integer> receivedIds() {
        return received().stream().map(Result::sampleId).toList();
    }

    /** Threads of this rig's CPU pool that are still alive. */
    List<String> liveCpuThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(cpuThreadPrefix))
                .toList();
    }

    @Override
    public void close() {
        transform.releaseAll();
        cpuPool.shutdownNow();
    }

    /** Waits until {@code expected} downloads have started. */
    void awaitDownloadsStarted(int expected) {
        eventually(() -> assertThat(source.started())
                .as("downloads started (limit K = %d, read-ahead %d); ids started: %s. Fewer than %d: start downloads "
                        + "in run() and again from each completion. More: check both limits before each start",
                        settings.maxConcurrentDownloads(), settings.readAhead(), source.startedIds(), expected)
                .isEqualTo(expected));
    }

    /** Waits until the transform of sample {@code id} has started. */
    void awaitTransformStarted(int id) {
        eventually(() -> assertThat(transform.hasStarted(id))
                .as("sample %d has arrived, but its transform has not started (transforms started: %s): hand each "
                        + "sample to the CPU pool as soon as its download completes", id, transform.startedIds())
                .isTrue());
    }

    /** Waits until {@code expected} transforms have started. */
    void awaitTransformsStarted(int expected) {
        eventually(() -> assertThat(transform.startedCount())
                .as("transforms started (samples %s), with %d samples arrived and a pool of %d threads: hand each "
                        + "sample to the CPU pool as soon as its download completes",
                        transform.startedIds(), expected, cpuPool.getMaximumPoolSize())
                .isEqualTo(expected));
    }

    /** Waits until the transform of sample {@code id}, released by the test, has returned. */
    void awaitTransformFinished(int id) {
        eventually(() -> assertThat(transform.hasFinished(id))
                .as("sample %d's transform returned after the test released it (transforms started: %s)",
                        id, transform.startedIds())
                .isTrue());
    }
}
