package course.pipeline;

import static course.pipeline.Waits.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
    private final List<Thread> poolThreads = new CopyOnWriteArrayList<>();
    private final CountDownLatch poolHold = new CountDownLatch(1);
    private volatile int poolHolders;
    private final List<Result> received = new ArrayList<>();
    /** Why the run is over (the timeout fired, a sample failed), or null: the fakes mark on the timeline what starts after it. */
    private final AtomicReference<String> over = new AtomicReference<>();
    private final AtomicInteger insideConsumer = new AtomicInteger();
    private final AtomicInteger nextExpected = new AtomicInteger();
    private volatile boolean recordConsumer = true;
    private final Consumer<Result> consumer = result -> {
        int id = result.sampleId();
        Timeline timeline = Timeline.current();
        Timeline.Call call = recordConsumer ? timeline.start("consumer " + id) : null;
        if (insideConsumer.incrementAndGet() > 1) {
            timeline.broke("consumer called with result " + id + " while another call was still running");
        }
        int expected = nextExpected.getAndIncrement();
        if (id != expected) {
            timeline.broke("result " + id + " delivered where result " + expected + " was due");
        }
        synchronized (received) {
            received.add(result);
        }
        insideConsumer.decrementAndGet();
        if (call != null) {
            call.done();
        }
    };

    PipelineRig(int maxConcurrentDownloads, int readAhead, int cpuThreads, FakeTransform transform) {
        this.transform = transform.readingClock(clockNanos::get);
        this.settings = new PipelineSettings(maxConcurrentDownloads, readAhead, TIMEOUT);
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory named = work -> {
            Thread thread = new Thread(work, cpuThreadPrefix + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            poolThreads.add(thread);
            return thread;
        };
        this.cpuPool = new ThreadPoolExecutor(cpuThreads, cpuThreads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), named);
        source.limits(maxConcurrentDownloads, readAhead, over);
        transform.watching(cpuThreadPrefix, over);
        timer.beforeFiring(() -> over.compareAndSet(null, "the timeout fired"));
    }

    /**
     * For the download stage's tests: the timeline shows the downloads alone, with the limit K drawn
     * (the transforms and consumer calls, instant here, would only blur the count in flight).
     */
    PipelineRig recordingDownloadsOnly() {
        transform.whenEnded((id, outcome) -> { });
        recordConsumer = false;
        source.boundDownloadsInFlight();
        return this;
    }

    /** For the tests that move the clock: the timeline is drawn in the test's own time (0 = the clock's start). */
    PipelineRig timelineInTestTime() {
        Timeline.current().clock(() -> (clockNanos.get() - 1_000_000_000L) / 1e9);
        return this;
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
     * queued and runs nothing but transforms that wait for the test. A thread held in a transform counts
     * as settled wherever it runs, and so does a thread blocked on a lock that such a thread holds: where
     * the transform runs, and whether it runs under a lock, is part B, graded there.
     */
    void awaitSettled() {
        eventually("the pipeline settled: download callbacks returned and the CPU pool idle apart from transforms "
                + "waiting for the test. A callback that waits for something blocks a thread it does not own",
                this::settled);
    }

    private boolean settled() {
        Set<Thread> held = transform.threadsHeldAtGate();
        boolean completersDone = source.completers().stream()
                .allMatch(thread -> !thread.isAlive() || waitsForTheTest(thread, held));
        long cpuThreadsWaitingForTheTest = poolThreads.stream().filter(thread -> waitsForTheTest(thread, held)).count();
        // Work may wait in the queue only behind pool threads that all wait for the test.
        int active = cpuPool.getActiveCount();
        boolean poolIdle = active == cpuThreadsWaitingForTheTest + poolHolders
                && (cpuPool.getQueue().isEmpty() || active == cpuPool.getMaximumPoolSize());
        // Threads of neither (a transform run somewhere else, part B's mistake) must be done with it too.
        boolean othersDone = transform.threadsThatRanTransforms().stream()
                .filter(thread -> !poolThreads.contains(thread) && !source.completers().contains(thread))
                .allMatch(thread -> !thread.isAlive() || waitsForTheTest(thread, held)
                        || thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING);
        return completersDone && poolIdle && othersDone;
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Held in a transform the test has not released, or blocked on a lock that such a thread holds. */
    private static boolean waitsForTheTest(Thread thread, Set<Thread> held) {
        if (held.contains(thread)) {
            return true;
        }
        if (thread.getState() != Thread.State.BLOCKED) {
            return false;
        }
        ThreadInfo info = THREADS.getThreadInfo(thread.threadId());
        return info != null && held.stream().anyMatch(owner -> owner.threadId() == info.getLockOwnerId());
    }

    /**
     * Occupies every thread of the CPU pool with work of the test's own until {@link #releaseCpuPool()}:
     * samples the pipeline hands to stage 2 then wait in the pool's queue, their transforms not started.
     */
    void holdCpuPool() {
        int threads = cpuPool.getMaximumPoolSize();
        poolHolders = threads;
        CountDownLatch running = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            cpuPool.execute(() -> {
                running.countDown();
                try {
                    poolHold.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        eventually("the test's own work occupies every thread of the CPU pool", () -> running.getCount() == 0);
    }

    /** Lets the CPU pool run the pipeline's queued work (see {@link #holdCpuPool()}). */
    void releaseCpuPool() {
        poolHolders = 0;
        poolHold.countDown();
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
        releaseCpuPool();
        transform.releaseAll();
        cpuPool.shutdownNow();
    }

    /**
     * Waits until the consumer has received {@code expected} results. A test of another part uses it
     * where it needs the results, so that how promptly the results are delivered stays part D's to grade.
     */
    void awaitReceived(int expected) {
        eventually(() -> assertThat(received())
                .as("results received by the consumer (%d samples transformed, %d expected); emitting each result once, "
                        + "in input order, is part D", transform.finishedCount(), expected)
                .hasSize(expected));
    }

    /**
     * Runs {@code check}; when it fails, marks the moment on the timeline with {@code rule} (what the
     * picture should make visible: a transform that never started, work left running after the end).
     */
    static void marking(String rule, Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            Timeline.current().broke(rule);
            throw e;
        }
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
