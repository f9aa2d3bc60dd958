package course.cpuparallel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Fake CPU work for part E: it records the thread it runs on, then holds that thread until the
 * test releases it (or gives up after a few seconds, so a wrong solution cannot hang a test).
 */
final class BlockedWork implements Function<Integer, String> {

    private final long patienceMillis;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicReference<String> thread = new AtomicReference<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicBoolean gaveUp = new AtomicBoolean();

    BlockedWork(long patienceMillis) {
        this.patienceMillis = patienceMillis;
    }

    @Override
    public String apply(Integer input) {
        calls.incrementAndGet();
        thread.set(Thread.currentThread().getName());
        started.countDown();
        try {
            if (!release.await(patienceMillis, TimeUnit.MILLISECONDS)) {
                gaveUp.set(true);
            }
        } catch (InterruptedException e) {
            gaveUp.set(true);
            Thread.currentThread().interrupt();
        }
        return "result for " + input;
    }

    /** Whether the work has started (it may be waiting for the test now). */
    boolean started() {
        return started.getCount() == 0;
    }

    void release() {
        release.countDown();
    }

    /** The name of the thread the work ran on, or null if it has not run. */
    String thread() {
        return thread.get();
    }

    int calls() {
        return calls.get();
    }

    /** Whether the work stopped waiting because nobody released it in time. */
    boolean gaveUp() {
        return gaveUp.get();
    }
}
