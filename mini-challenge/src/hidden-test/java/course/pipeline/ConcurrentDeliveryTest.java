package course.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The consumer rules under real concurrency: several download threads and CPU threads, random small
 * (seeded, bounded) delays in the downloads, the transforms and the consumer, and many samples. Races
 * that instant fakes and an idle consumer never show (two threads draining the reorder buffer at once,
 * a result handed over outside the lock, the run completed while a result is still being delivered)
 * show here in nearly every run. Every other stage is set up so that it cannot fail: no timeout fires,
 * no sample fails, the read-ahead never binds.
 */
@ExtendWith(TimelineExtension.class)
@Tag("part:D")
@DisplayName("D. Ordered streaming under real concurrency (many samples, real threads, random small delays)")
class ConcurrentDeliveryTest {

    private static final int SAMPLES = 300;
    private static final int DOWNLOAD_THREADS = 4;
    private static final int CPU_THREADS = 4;
    private static final int MAX_CONCURRENT_DOWNLOADS = 4;

    private final List<ExecutorService> pools = new ArrayList<>();

    @AfterEach
    void stopPools() {
        pools.forEach(ExecutorService::shutdownNow);
    }

    /** What the consumer saw in one run. */
    private static final class Delivery implements Consumer<Result> {
        private final int[] pauseMicros;
        private final List<Result> received = new ArrayList<>();
        private final AtomicInteger inside = new AtomicInteger();
        private final AtomicInteger mostInsideAtOnce = new AtomicInteger();
        private final AtomicInteger returned = new AtomicInteger();
        private final AtomicInteger nextExpected = new AtomicInteger();
        private volatile int returnedWhenTheRunCompleted = -1;

        Delivery(int[] pauseMicros) {
            this.pauseMicros = pauseMicros;
        }

        @Override
        public void accept(Result result) {
            int id = result.sampleId();
            Timeline timeline = Timeline.current();
            Timeline.Call call = timeline.start("consumer " + id);
            int insideNow = inside.incrementAndGet();
            mostInsideAtOnce.accumulateAndGet(insideNow, Math::max);
            if (insideNow > 1) {
                timeline.broke("consumer called with result " + id + " while another call was still running");
            }
            int expected = nextExpected.getAndIncrement();
            if (id != expected) {
                timeline.broke("result " + id + " delivered where result " + expected + " was due");
            }
            synchronized (received) {
                received.add(result);
            }
            pause(pauseMicros[Math.floorMod(id, SAMPLES)]); // a consumer that takes a moment (writes, sends)
            inside.decrementAndGet();
            returned.incrementAndGet();
            call.done();
        }

        List<Result> received() {
            synchronized (received) {
                return List.copyOf(received);
            }
        }
    }

    /** One run of {@value #SAMPLES} samples with real threads and delays drawn from {@code seed}. */
    private Delivery runWithRealThreads(long seed) {
        Timeline.reset(); // the timeline of a failure shows the run that failed (the test stops at the first)
        Timeline.current().bound("consumer calls at once", 1);
        Random random = new Random(seed);
        int[] downloadMicros = random.ints(SAMPLES, 0, 300).toArray();
        int[] transformMicros = random.ints(SAMPLES, 0, 400).toArray();
        int[] consumerMicros = random.ints(SAMPLES, 0, 200).toArray();

        ExecutorService io = pool(Executors.newFixedThreadPool(DOWNLOAD_THREADS, daemon("stress-io-")));
        ExecutorService cpu = pool(Executors.newFixedThreadPool(CPU_THREADS, daemon("stress-cpu-")));
        SampleSource source = id -> {
            CompletableFuture<Sample> download = new CompletableFuture<>();
            io.execute(() -> {
                pause(downloadMicros[id]);
                awaitListening(download);
                download.complete(new Sample(id, new byte[] {(byte) id}));
            });
            return download;
        };
        Function<Sample, String> transform = sample -> {
            spin(transformMicros[sample.id()]);
            return FakeTransform.valueFor(sample.id());
        };
        Delivery delivery = new Delivery(consumerMicros);
        // The read-ahead never binds and the timeout never fires: only the emission is under test.
        PipelineSettings settings = new PipelineSettings(MAX_CONCURRENT_DOWNLOADS, SAMPLES, Duration.ofSeconds(30));
        Pipeline pipeline = new Pipeline(source, transform, cpu, new ManualTimer(), System::nanoTime, settings);

        CompletableFuture<PipelineReport> run = pipeline.run(SAMPLES, delivery);
        // Runs on the thread that completes the run, at that moment; waiting for this stage (not for `run`
        // itself, whose waiters may wake first) makes sure it has run before the test reads the count.
        CompletableFuture<PipelineReport> seen = run.whenComplete((report, error) -> {
            int returned = delivery.returned.get();
            delivery.returnedWhenTheRunCompleted = returned;
            if (returned < SAMPLES) {
                Timeline.current().broke("the run completed when " + returned + " of " + SAMPLES + " consumer calls had returned");
            }
        });

        assertThat(seen).as("a run of %d samples with %d download threads, %d CPU threads and small random delays "
                        + "(none fails, no timeout fires)", SAMPLES, DOWNLOAD_THREADS, CPU_THREADS)
                .succeedsWithin(Duration.ofSeconds(4));
        return delivery;
    }

    @Test
    @Tag("points:1")
    @DisplayName("with real threads and random delays, every result is emitted once, in input order")
    void inInputOrderUnderRealConcurrency() {
        for (long seed : List.of(11L, 12L)) {
            Delivery delivery = runWithRealThreads(seed);
            List<Integer> ids = delivery.received().stream().map(Result::sampleId).toList();
            assertThat(ids)
                    .as("sample ids in the order the consumer got them (%d samples, real threads, random delays; seed %d). "
                            + "Out of order, a duplicate or a gap usually means two threads emitted at the same time: "
                            + "take the results whose turn has come AND hand them to the consumer under the same lock, "
                            + "so that a second thread cannot overtake the first", SAMPLES, seed)
                    .containsExactlyElementsOf(IntStream.range(0, SAMPLES).boxed().toList());
            assertThat(delivery.received()).as("each result carries its own sample's value")
                    .allMatch(result -> result.value().equals(FakeTransform.valueFor(result.sampleId())));
        }
    }

    @Test
    @Tag("points:1")
    @DisplayName("with real threads and random delays, the consumer is never called by two threads at once")
    void consumerIsNeverCalledConcurrently() {
        for (long seed : List.of(21L, 22L)) {
            Delivery delivery = runWithRealThreads(seed);
            assertThat(delivery.mostInsideAtOnce.get())
                    .as("most threads inside the consumer at the same moment (%d samples, real threads, a consumer that "
                            + "takes up to 0.2 ms; seed %d): the consumer is called one call at a time. Handing results "
                            + "over after leaving the lock lets two pool threads call it at once", SAMPLES, seed)
                    .isEqualTo(1);
        }
    }

    @Test
    @Tag("points:1")
    @DisplayName("with real threads and random delays, the run completes only after the last result was delivered")
    void runCompletesOnlyAfterTheLastDelivery() {
        for (long seed : List.of(31L, 32L)) {
            Delivery delivery = runWithRealThreads(seed);
            assertThat(delivery.returnedWhenTheRunCompleted)
                    .as("consumer calls that had returned when the run's future completed (%d samples; seed %d): the "
                            + "report comes after the last result has been delivered. Completing the future first, or "
                            + "while another thread is still handing a result to the consumer, tells the caller it is "
                            + "done too early", SAMPLES, seed)
                    .isEqualTo(SAMPLES);
        }
    }

    private ExecutorService pool(ExecutorService pool) {
        pools.add(pool);
        return pool;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Waits a little without holding a CPU, as I/O or a slow consumer does. */
    private static void pause(int micros) {
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(micros));
    }

    /** Like a real client, answers once the caller listens (up to a second for one that never does). */
    private static void awaitListening(CompletableFuture<Sample> download) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (download.getNumberOfDependents() == 0 && !download.isDone() && System.nanoTime() - deadline < 0) {
            pause(20);
        }
    }

    /** Keeps a CPU busy a little, as a transform does. */
    private static void spin(int micros) {
        long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(micros);
        while (System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
    }
}
