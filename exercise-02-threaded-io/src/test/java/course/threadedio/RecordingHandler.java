package course.threadedio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * An {@link ItemHandler} the test drives. Handling a blocked item waits until the test releases
 * it (or the consumer is interrupted). It records how often each item was handled, how many
 * handlers ran at once, which thread took which item and which items were interrupted.
 */
final class RecordingHandler implements ItemHandler<Integer> {

    /** The longest a blocked item waits, so a forgotten fake cannot keep a thread forever. */
    private static final Duration BLOCKS_AT_MOST = Duration.ofSeconds(10);

    private final IntPredicate blocked;
    private final int company;
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch companyArrived = new CountDownLatch(1);
    private volatile boolean stopWaitingForCompany;
    private final Map<Integer, AtomicInteger> handled = new ConcurrentHashMap<>();
    private final List<Integer> handledInOrder = new CopyOnWriteArrayList<>();
    private final Map<Integer, String> threadOf = new ConcurrentHashMap<>();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final Set<Integer> interrupted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inHandler = new AtomicInteger();
    private final AtomicInteger maxInHandler = new AtomicInteger();

    private RecordingHandler(IntPredicate blocked, int company) {
        this.blocked = blocked;
        this.company = company;
    }

    /** Handles every item at once. */
    static RecordingHandler immediate() {
        return new RecordingHandler(item -> false, 0);
    }

    /** Items {@code blocked} accepts wait until {@link #release()} or an interrupt. */
    static RecordingHandler blocking(IntPredicate blocked) {
        return new RecordingHandler(blocked, 0);
    }

    /**
     * Every call waits until {@code n} calls are in the handler at the same moment, then none
     * waits any more. If that does not happen within {@link Waits#AT_MOST}, it stops waiting too.
     */
    static RecordingHandler waitingForCompany(int n) {
        return new RecordingHandler(item -> false, n);
    }

    @Override
    public void handle(Integer item) throws InterruptedException {
        if (CountingSource.isProducer(Thread.currentThread())) {
            Timeline.current().broke("item " + item + " handled on the producer's thread '"
                    + Thread.currentThread().getName() + "', not on a consumer thread");
        }
        String outcome = "failed";
        try {
            handleRecorded(item);
            outcome = "done";
        } catch (InterruptedException e) {
            outcome = "cancelled";
            throw e;
        } finally {
            CountingSource.handled(item, outcome);
        }
    }

    private void handleRecorded(Integer item) throws InterruptedException {
        threadOf.put(item, Thread.currentThread().getName());
        threads.add(Thread.currentThread());
        int now = inHandler.incrementAndGet();
        maxInHandler.accumulateAndGet(now, Math::max);
        try {
            if (company > 0) {
                if (now >= company) {
                    companyArrived.countDown();
                }
                if (!stopWaitingForCompany
                        && !companyArrived.await(Waits.AT_MOST.toMillis(), TimeUnit.MILLISECONDS)) {
                    stopWaitingForCompany = true;
                }
            }
            if (blocked.test(item)) {
                try {
                    if (!release.await(BLOCKS_AT_MOST.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("the test never released item " + item);
                    }
                } catch (InterruptedException e) {
                    interrupted.add(item);
                    throw e;
                }
            }
            handled.computeIfAbsent(item, key -> new AtomicInteger()).incrementAndGet();
            handledInOrder.add(item);
        } finally {
            inHandler.decrementAndGet();
        }
    }

    /** Lets every blocked item finish. */
    void release() {
        release.countDown();
    }

    int inHandler() {
        return inHandler.get();
    }

    int maxInHandler() {
        return maxInHandler.get();
    }

    /** The name of the thread that took {@code item}, or null. */
    String threadOf(int item) {
        return threadOf.get(item);
    }

    /** The threads the handler ran on. */
    Set<Thread> threads() {
        return Set.copyOf(threads);
    }

    /** The items handled to the end, in the order their handlers returned. */
    List<Integer> handledInOrder() {
        return List.copyOf(handledInOrder);
    }

    /** The items whose handling was interrupted. */
    Set<Integer> interrupted() {
        return Set.copyOf(interrupted);
    }

    /** Items from 0 to size - 1 that were never handled to the end, except those listed in {@code except}. */
    List<Integer> missing(int size, Set<Integer> except) {
        List<Integer> missing = new ArrayList<>();
        for (int item = 0; item < size; item++) {
            if (!handled.containsKey(item) && !except.contains(item)) {
                missing.add(item);
            }
        }
        return missing;
    }

    /** Items handled more than once, with how often. */
    Map<Integer, Integer> duplicates() {
        Map<Integer, Integer> duplicates = new TreeMap<>();
        handled.forEach((item, count) -> {
            if (count.get() > 1) {
                duplicates.put(item, count.get());
            }
        });
        return duplicates;
    }
}
