package course.cpuparallel;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Passes tasks on to a real pool and counts how many reached it (every submission goes through execute). */
final class CountingExecutor extends AbstractExecutorService {

    private final ExecutorService pool;
    private final AtomicInteger tasks = new AtomicInteger();

    CountingExecutor(ExecutorService pool) {
        this.pool = pool;
    }

    int tasks() {
        return tasks.get();
    }

    @Override
    public void execute(Runnable task) {
        tasks.incrementAndGet();
        pool.execute(task);
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
