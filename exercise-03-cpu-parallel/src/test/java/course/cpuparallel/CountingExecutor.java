package course.cpuparallel;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes tasks on to a real pool and counts how many reached it (every submission goes through
 * execute). Each task first waits, up to a patience, until a second task has started: two tasks
 * that meet there ran at the same time.
 */
final class CountingExecutor extends AbstractExecutorService {

    private final ExecutorService pool;
    private final long patienceMillis;
    private final AtomicInteger tasks = new AtomicInteger();
    private final CountDownLatch twoStarted = new CountDownLatch(2);
    private final AtomicBoolean gaveUp = new AtomicBoolean();

    CountingExecutor(ExecutorService pool, long patienceMillis) {
        this.pool = pool;
        this.patienceMillis = patienceMillis;
    }

    int tasks() {
        return tasks.get();
    }

    /** Whether a task stopped waiting for a second one because none started in time. */
    boolean gaveUp() {
        return gaveUp.get();
    }

    @Override
    public void execute(Runnable task) {
        int number = tasks.incrementAndGet();
        Timeline timeline = Timeline.current();
        pool.execute(() -> {
            Timeline.Call call = timeline.start("task " + number);
            twoStarted.countDown();
            try {
                if (!twoStarted.await(patienceMillis, TimeUnit.MILLISECONDS)) {
                    gaveUp.set(true);
                    timeline.broke("task " + number + " waited " + patienceMillis + " ms, no second task started");
                }
            } catch (InterruptedException e) {
                gaveUp.set(true);
                Thread.currentThread().interrupt();
            }
            SideBySide.runRecorded(task, call);
        });
    }

    @Override
    public void shutdown() {
        pool.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return pool.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return pool.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return pool.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return pool.awaitTermination(timeout, unit);
    }
}
