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
import java.util.function.Function;

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
    private final Set<Integer> failOn = ConcurrentHashMap.newKeySet();
    /** Threads inside a gated transform, and the sample each waits for. */
    private final Map<Thread, Integer> atGate = new ConcurrentHashMap<>();
    private volatile boolean gatesOpen;
    private volatile boolean ignoreInterrupts;
    private volatile CyclicBarrier rendezvous;
    private volatile boolean rendezvousMet;

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
        threadOf.put(id, Thread.currentThread().getName());
        synchronized (started) {
            started.add(id);
        }
        if (failOn.contains(id)) {
            throw new IllegalStateException("fake transform of sample " + id + " failed");
        }
        try {
            CyclicBarrier barrier = rendezvous;
            if (barrier != null && !rendezvousMet) {
                try {
                    barrier.await(3, TimeUnit.SECONDS);
                } catch (BrokenBarrierException | TimeoutException e) {
                    // not met: the test reports it
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
            Thread.currentThread().interrupt();
            throw new CancellationException("transform of sample " + id + " was interrupted");
        }
        finished.add(id);
        return valueFor(id);
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

    void releaseAll() {
        for (int id : startedIds()) {
            release(id);
        }
        gates.values().forEach(CountDownLatch::countDown);
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

    /** How many threads whose name starts with {@code threadNamePrefix} wait in a transform the test has not released. */
    long heldAtGate(String threadNamePrefix) {
        return atGate.keySet().stream()
                .filter(thread -> thread.getName().startsWith(threadNamePrefix) && isHeldAtGate(thread)).count();
    }

    boolean rendezvousMet() {
        return rendezvousMet;
    }
}
