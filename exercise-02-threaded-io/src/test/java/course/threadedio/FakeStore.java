package course.threadedio;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * A {@link BlockingStore} the test drives. Downloads of held ids block until the test releases
 * them or their thread is interrupted; failing ids throw at once. It counts started, in-flight, completed
 * and interrupted downloads, the most that were in flight at once, the order they completed in and
 * the threads they ran on.
 */
final class FakeStore implements BlockingStore {

    /** The longest a held download blocks, so a forgotten fake cannot keep a thread forever. */
    private static final Duration BLOCKS_AT_MOST = Duration.ofSeconds(10);

    private final IntPredicate held;
    private final IntPredicate failing;
    private final Map<Integer, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger interrupted = new AtomicInteger();
    private final List<Integer> completed = new CopyOnWriteArrayList<>();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean allReleased;
    private volatile int allowedInFlight = Integer.MAX_VALUE;

    private FakeStore(IntPredicate held, IntPredicate failing) {
        this.held = held;
        this.failing = failing;
    }

    /** Every download completes at once. */
    static FakeStore immediate() {
        return new FakeStore(id -> false, id -> false);
    }

    /** Downloads of the ids {@code held} accepts block until released; the others complete at once. */
    static FakeStore holding(IntPredicate held) {
        return new FakeStore(held, id -> false);
    }

    /** Downloads of the ids {@code failing} accepts throw an IOException; the others complete at once. */
    static FakeStore failing(IntPredicate failing) {
        return new FakeStore(id -> false, failing);
    }

    /** Downloads of the ids {@code failing} accepts throw at once; those {@code held} accepts block until released. */
    static FakeStore holdingAndFailing(IntPredicate held, IntPredicate failing) {
        return new FakeStore(held, failing);
    }

    /**
     * The hash a correct download of {@code id} gives: the first 8 hex digits of its SHA-256,
     * worked out here rather than with {@link ShortHash}, so that hashes which are all alike (all
     * empty, say) can never pass for the right ones.
     */
    static String hashOf(int id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(SimulatedStore.contentOf(id));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pool size the test expects: drawn in the timeline, and a download beyond it marks the moment the rule broke. */
    FakeStore allowingInFlight(int poolSize) {
        allowedInFlight = poolSize;
        Timeline.current().bound("downloads in flight (pool size)", poolSize);
        return this;
    }

    @Override
    public byte[] download(int id) throws IOException, InterruptedException {
        Timeline.Call call = Timeline.current().start("download " + id);
        threads.add(Thread.currentThread());
        int startedNow = started.incrementAndGet();
        int inFlightNow = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlightNow, Math::max);
        if (inFlightNow > allowedInFlight) {
            Timeline.current().broke("download " + id + " (number " + startedNow + ") started with "
                    + (inFlightNow - 1) + " already in flight, on a pool of " + allowedInFlight);
        }
        boolean ok = false;
        try {
            if (failing.test(id)) {
                call.failed();
                throw new IOException("simulated failure of item " + id);
            }
            if (held.test(id)) {
                CountDownLatch gate = gate(id); // created before allReleased is read: see releaseAll
                try {
                    if (!allReleased && !gate.await(BLOCKS_AT_MOST.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new IOException("the test never released item " + id);
                    }
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                    call.cancelled();
                    throw e;
                }
            }
            completed.add(id);
            ok = true;
            return SimulatedStore.contentOf(id);
        } finally {
            inFlight.decrementAndGet();
            if (ok) {
                call.done();
            } else {
                call.failed(); // the first outcome counts: cancelled or failed above stays so
            }
        }
    }

    /** Lets the held download of {@code id} complete (now, or as soon as it starts). */
    void release(int id) {
        gate(id).countDown();
    }

    /** Lets every held download complete, now and from now on. */
    void releaseAll() {
        allReleased = true;
        gates.values().forEach(CountDownLatch::countDown);
    }

    private CountDownLatch gate(int id) {
        return gates.computeIfAbsent(id, key -> new CountDownLatch(1));
    }

    int started() {
        return started.get();
    }

    int inFlight() {
        return inFlight.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    /** Held downloads that were interrupted while they waited. */
    int interrupted() {
        return interrupted.get();
    }

    /** The ids whose downloads completed, in the order they completed. */
    List<Integer> completed() {
        return List.copyOf(completed);
    }

    /** The threads downloads ran on. */
    Set<Thread> threads() {
        return Set.copyOf(threads);
    }

    /** "started 9, in flight 9, completed 0": what a failure message shows of the store. */
    String describe() {
        return "started " + started() + ", in flight " + inFlight() + ", completed " + completed.size()
                + ", at most " + maxInFlight() + " in flight at once";
    }
}
