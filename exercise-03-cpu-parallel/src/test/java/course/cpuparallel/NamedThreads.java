package course.cpuparallel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread factory whose threads carry a name prefix unique to one test, so a test can tell
 * its pool's threads from every other thread, and count how many the pool started.
 */
final class NamedThreads implements ThreadFactory {

    private static final AtomicInteger FACTORIES = new AtomicInteger();

    private final String prefix;
    private final AtomicInteger created = new AtomicInteger();

    NamedThreads(String name) {
        this.prefix = name + "-" + FACTORIES.incrementAndGet() + "-thread-";
    }

    String prefix() {
        return prefix;
    }

    /** How many threads this factory has made so far. */
    int created() {
        return created.get();
    }

    boolean made(String threadName) {
        return threadName.startsWith(prefix);
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + created.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    /** The same naming and counting for the workers of a {@link ForkJoinPool}. */
    ForkJoinPool.ForkJoinWorkerThreadFactory forkJoinWorkers() {
        return pool -> {
            ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            worker.setName(prefix + created.incrementAndGet());
            worker.setDaemon(true);
            return worker;
        };
    }
}
