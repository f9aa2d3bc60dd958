package course.threadedio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** A ThreadFactory that names its threads {@code prefix-1, prefix-2, ...} and remembers them. */
final class RecordingThreadFactory implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger counter = new AtomicInteger();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    RecordingThreadFactory(String prefix) {
        this.prefix = prefix;
    }

    private volatile boolean recordsLanes;

    /** Each thread it makes is a lane of the test's timeline, from the moment it runs until it ends. */
    RecordingThreadFactory recordingLanes() {
        recordsLanes = true;
        return this;
    }

    private volatile CountDownLatch together;

    /** How long a thread waits at the start for the others (only a fallback for code that makes fewer). */
    private static final Duration GATHERING = Duration.ofMillis(500);

    /**
     * The first {@code count} threads it makes wait for each other before they run anything, so
     * that their work overlaps on every machine: a lost update between them then shows in nearly
     * every run. Code that makes fewer threads only waits {@link #GATHERING} longer.
     */
    RecordingThreadFactory startingTogether(int count) {
        together = new CountDownLatch(count);
        return this;
    }

    @Override
    public Thread newThread(Runnable task) {
        String name = prefix + "-" + counter.incrementAndGet();
        Runnable gathered = together == null ? task : () -> {
            together.countDown();
            try {
                together.await(GATHERING.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            task.run();
        };
        Runnable run = !recordsLanes ? gathered : () -> {
            Timeline.Call call = Timeline.current().start(name);
            try {
                gathered.run();
                call.done();
            } finally {
                call.failed(); // the first outcome counts
            }
        };
        Thread thread = new Thread(run, name);
        thread.setDaemon(true); // a thread the code under test forgets must not keep the test JVM alive
        threads.add(thread);
        return thread;
    }

    /** How many threads this factory has made. */
    int created() {
        return threads.size();
    }

    /** Whether {@code thread} was made by this factory. */
    boolean made(Thread thread) {
        return threads.contains(thread);
    }

    /**
     * Waits up to {@code grace} for every thread this factory made to end and returns the names
     * of those still alive then. Empty means no thread outlived the call.
     */
    List<String> stillAliveAfter(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        List<String> alive = new ArrayList<>();
        for (Thread thread : threads) {
            if (!thread.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                alive.add(thread.getName() + " (" + thread.getState() + ")");
            }
        }
        return alive;
    }
}
