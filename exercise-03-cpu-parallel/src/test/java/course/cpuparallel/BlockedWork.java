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
 * In the timeline it is the lane "cpu work"; started on a thread that is not the CPU pool's, it
 * marks the rule broken.
 */
final class BlockedWork implements Function<Integer, String> {

    private final long patienceMillis;
    private final NamedThreads cpuThreads;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicReference<String> thread = new AtomicReference<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicBoolean gaveUp = new AtomicBoolean();

    /** Work that must run on a thread {@code cpuThreads} made, and waits up to {@code patienceMillis} for the test. */
    BlockedWork(long patienceMillis, NamedThreads cpuThreads) {
        this.patienceMillis = patienceMillis;
        this.cpuThreads = cpuThreads;
    }

    @Override
    public String apply(Integer input) {
        Timeline.Call call = Timeline.current().start("cpu work");
        String name = Thread.currentThread().getName();
        if (!cpuThreads.made(name)) {
            Timeline.current().broke("the CPU work started on " + name + ", not on the CPU pool");
        }
        calls.incrementAndGet();
        thread.set(name);
        started.countDown();
        try {
            if (!release.await(patienceMillis, TimeUnit.MILLISECONDS)) {
                gaveUp.set(true);
            }
        } catch (InterruptedException e) {
            gaveUp.set(true);
            Thread.currentThread().interrupt();
        }
        call.done();
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
