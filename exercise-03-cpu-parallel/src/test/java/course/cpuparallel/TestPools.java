package course.cpuparallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * The pools one test passes to the code under test. Closing it (JUnit's {@code @AutoClose} after
 * every test) interrupts whatever still runs on them, so a blocked fake never outlives its test.
 */
final class TestPools implements AutoCloseable {

    private final List<ExecutorService> pools = new ArrayList<>();

    ExecutorService fixed(int threads, NamedThreads factory) {
        return keep(Executors.newFixedThreadPool(threads, factory));
    }

    ForkJoinPool forkJoin(int parallelism, NamedThreads factory) {
        return keep(new ForkJoinPool(parallelism, factory.forkJoinWorkers(), null, false));
    }

    private <P extends ExecutorService> P keep(P pool) {
        pools.add(pool);
        return pool;
    }

    @Override
    public void close() throws InterruptedException {
        pools.forEach(ExecutorService::shutdownNow);
        for (ExecutorService pool : pools) {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        }
    }
}
