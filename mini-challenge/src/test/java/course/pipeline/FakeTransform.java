package course.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ObjIntConsumer;

/**
 * A transform the test controls. Records which samples it started and finished, on which thread,
 * and which were interrupted. When gated, each call waits until the test releases that sample (or
 * the thread is interrupted, or 10 s pass so nothing hangs forever).
 */
final class FakeTransform implements Function<Sample, String> {

    private static final long MAX_GATE_WAIT_SECONDS = 10;

    private final boolean gated;
    private final Map<Integer, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final List<Integer> started = new ArrayList<>();
    private final Set<Integer> finished = ConcurrentHashMap.newKeySet();
    private final Set<Integer> interrupted = ConcurrentHashMap.newKeySet();
    private final Map<Integer, String> threadOf = new ConcurrentHashMap<>();
    private final Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
    private final Set<Integer> failOn = ConcurrentHashMap.newKeySet();
    /** Threads inside a gated transform, and the sample each waits for. */
    private final Map<Thread, Integer> atGate = new ConcurrentHashMap<>();
    private volatile boolean gatesOpen;
    private volatile boolean ignoreInterrupts;
    private volatile CyclicBarrier rendezvous;
    private volatile boolean rendezvousMet;
    private volatile LongSupplier clock = () -> 0L;
    /** The clock's reading when each transform began and when it returned. */
    private final Map<Integer, Long> beganAt = new ConcurrentHashMap<>();
    private final Map<Integer, Long> returnedAt = new ConcurrentHashMap<>();
    /** Timeline: whether transforms get bars of their own, who hears when one ends, the pool's thread names. */
    private volatile boolean recording = true;
    private volatile ObjIntConsumer<String> whenEnded = (outcome, id) -> { };
    private volatile String poolThreadPrefix;
    private volatile AtomicReference<String> over = new AtomicReference<>();

    private FakeTransform(boolean gated) {
        this.gated = gated;
    }

    /** Returns at once. */
    static FakeTransform immediate() {
        return new FakeTransform(false);
    }

    /** Each call waits until the test releases its sample. */
    static FakeTransform gated() {
        return new FakeTransform(true);
    }

    static String valueFor(int id) {
        return "transformed-" + id;
    }

    /** Like a CPU loop that never checks its interrupt flag: an interrupt does not end the wait for the gate. */
    FakeTransform ignoringInterrupts() {
        ignoreInterrupts = true;
        return this;
    }

    /** Note {@code clock}'s reading when each transform begins and when it returns (see {@link #busyNanos()}). */
    FakeTransform readingClock(LongSupplier clock) {
        this.clock = clock;
        return this;
    }

    /** Marks on the timeline a transform run off the pool ({@code poolThreadPrefix}) or after the run is {@code over}. */
    FakeTransform watching(String poolThreadPrefix, AtomicReference<String> over) {
        this.poolThreadPrefix = poolThreadPrefix;
        this.over = over;
        return this;
    }

    /** {@code listener} hears how each transform ended ("done", "failed", "cancelled"); transforms then get no bars of their own. */
    FakeTransform whenEnded(java.util.function.BiConsumer<Integer, String> listener) {
        recording = false;
        whenEnded = (outcome, id) -> listener.accept(id, outcome);
        return this;
    }

    /** These samples' transforms throw an IllegalStateException. */
    FakeTransform failOn(Integer... ids) {
        failOn.addAll(List.of(ids));
        return this;
    }

    /** The first {@code parties} calls wait for each other (up to 3 s): proof that they ran at the same time. */
    FakeTransform rendezvousOf(int parties) {
        rendezvous = new CyclicBarrier(parties, () -> rendezvousMet = true);
        return this;
    }

    @Override
    public String apply(Sample sample) {
        int id = sample.id();
        beganAt.put(id, clock.getAsLong());
        String threadName = Thread.currentThread().getName();
        threadOf.put(id, threadName);
        ranOn.add(Thread.currentThread());
        synchronized (started) {
            started.add(id);
        }
        Timeline timeline = Timeline.current();
        Timeline.Call call = recording ? timeline.start("transform " + id) : null;
        String prefix = poolThreadPrefix;
        if (prefix != null && !threadName.startsWith(prefix)) {
            timeline.broke("transform " + id + " ran on thread " + threadName + ", not on the CPU pool");
        }
        String whyOver = over.get();
        if (whyOver != null) {
            timeline.broke("transform " + id + " started after " + whyOver);
        }
        if (failOn.contains(id)) {
            over.compareAndSet(null, "sample " + id + "'s transform failed");
            ended(call, "failed", id);
            throw new IllegalStateException("fake transform of sample " + id + " failed");
        }
        try {
            CyclicBarrier barrier = rendezvous;
            if (barrier != null && !rendezvousMet) {
                try {
                    barrier.await(3, TimeUnit.SECONDS);
                } catch (BrokenBarrierException | TimeoutException e) {
                    if (!rendezvousMet) {
                        timeline.broke("transform " + id + " waited 3 s for a second transform to run alongside it");
                    }
                }
            }
            if (gated && !gatesOpen) {
                atGate.put(Thread.currentThread(), id);
                try {
                    awaitGate(id);
                } finally {
                    atGate.remove(Thread.currentThread());
                }
            }
        } catch (InterruptedException e) {
            interrupted.add(id);
            ended(call, "cancelled", id);
            Thread.currentThread().interrupt();
            throw new CancellationException("transform of sample " + id + " was interrupted");
        }
        returnedAt.put(id, clock.getAsLong());
        finished.add(id);
        ended(call, "done", id);
        return valueFor(id);
    }

    private void ended(Timeline.Call call, String outcome, int id) {
        if (call != null) {
            switch (outcome) {
                case "done" -> call.done();
                case "failed" -> call.failed();
                default -> call.cancelled();
            }
        }
        whenEnded.accept(outcome, id);
    }

    private void awaitGate(int id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_GATE_WAIT_SECONDS);
        while (true) {
            try {
                gate(id).await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                return;
            } catch (InterruptedException e) {
                if (!ignoreInterrupts) {
                    throw e;
                }
                interrupted.add(id); // noted, and ignored: keep waiting
            }
        }
    }

    private CountDownLatch gate(int id) {
        return gates.computeIfAbsent(id, ignored -> new CountDownLatch(1));
    }

    void release(int... ids) {
        for (int id : ids) {
            gate(id).countDown();
        }
    }

    /** Releases the transform that started first and is not released yet; returns its id. */
    int releaseOldest() {
        for (int id : startedIds()) {
            CountDownLatch gate = gate(id);
            if (gate.getCount() > 0) {
                gate.countDown();
                return id;
            }
        }
        throw new AssertionError("no started transform is waiting to be released");
    }

    /** Releases every waiting transform, and lets every later one through at once. */
    void openGates() {
        gatesOpen = true;
        releaseAll();
    }

    /**
     * Releases every transform, lets every later one through at once (a transform still queued somewhere
     * must not wait for a test that has ended), and breaks the rendezvous for any that still waits there.
     */
    void releaseAll() {
        gatesOpen = true;
        for (int id : startedIds()) {
            release(id);
        }
        gates.values().forEach(CountDownLatch::countDown);
        CyclicBarrier barrier = rendezvous;
        if (barrier != null) {
            barrier.reset();
        }
    }

    List<Integer> startedIds() {
        synchronized (started) {
            return List.copyOf(started);
        }
    }

    int startedCount() {
        synchronized (started) {
            return started.size();
        }
    }

    boolean hasStarted(int id) {
        return threadOf.containsKey(id);
    }

    boolean hasFinished(int id) {
        return finished.contains(id);
    }

    int finishedCount() {
        return finished.size();
    }

    boolean wasInterrupted(int id) {
        return interrupted.contains(id);
    }

    Map<Integer, String> threads() {
        return Map.copyOf(threadOf);
    }

    /**
     * True while {@code thread} runs a transform the test has not released yet. (Once released, the
     * thread is on its way again even if it has not woken up yet.)
     */
    boolean isHeldAtGate(Thread thread) {
        Integer id = atGate.get(thread);
        return id != null && !gatesOpen && gate(id).getCount() > 0;
    }

    /**
     * The clock time during which at least one transform ran, as this fake saw it: the union of
     * [began, returned] of every transform that returned. What a correct report's transform busy time is.
     */
    long busyNanos() {
        long busy = 0;
        long coveredUntil = Long.MIN_VALUE;
        List<Map.Entry<Integer, Long>> begins = beganAt.entrySet().stream()
                .filter(entry -> returnedAt.containsKey(entry.getKey()))
                .sorted(Map.Entry.comparingByValue()).toList();
        for (Map.Entry<Integer, Long> begin : begins) {
            long from = Math.max(begin.getValue(), coveredUntil);
            long until = returnedAt.get(begin.getKey());
            if (until > from) {
                busy += until - from;
                coveredUntil = until;
            }
        }
        return busy;
    }

    /** The clock's reading when sample {@code id}'s transform began (see {@link #readingClock}). */
    long beganAtNanos(int id) {
        return beganAt.get(id);
    }

    /** The clock's reading when sample {@code id}'s transform returned. */
    long returnedAtNanos(int id) {
        return returnedAt.get(id);
    }

    /** Samples whose transform has started and waits for the test to release it. */
    Set<Integer> heldIds() {
        return atGate.entrySet().stream().filter(entry -> isHeldAtGate(entry.getKey()))
                .map(Map.Entry::getValue).collect(java.util.stream.Collectors.toSet());
    }

    /** Every thread that ran a transform. */
    Set<Thread> threadsThatRanTransforms() {
        return Set.copyOf(ranOn);
    }

    /** Threads inside a transform the test has not released yet. */
    Set<Thread> threadsHeldAtGate() {
        return atGate.keySet().stream().filter(this::isHeldAtGate).collect(java.util.stream.Collectors.toSet());
    }

    boolean rendezvousMet() {
        return rendezvousMet;
    }
}
