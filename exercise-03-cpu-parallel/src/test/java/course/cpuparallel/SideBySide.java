package course.cpuparallel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The pool for part C's race test. It holds back the tasks the code under test submits until the
 * calling thread waits for them (or has returned), then starts them together: the first ones, one
 * per thread, leave a common start line at the same moment. Tasks with the same amount of work
 * then also finish at about the same moment, so whatever they update in common (a shared map
 * while counting, or while merging at the end) they update side by side, as closely as a race
 * needs. A task submitted after that runs at once. Correct code loses nothing: every task runs,
 * on the test's threads, and nobody waits longer than it takes those threads to reach the line.
 */
final class SideBySide extends AbstractExecutorService {

    /** The longest the gate stays closed for a caller that never waits (it computes everything itself). */
    private static final Duration GATE_AT_MOST = Duration.ofSeconds(1);

    private final ExecutorService threads;
    private final int parallelism;
    private final List<Runnable> held = new ArrayList<>();
    private final AtomicInteger tasks = new AtomicInteger();
    private boolean open;
    private volatile boolean shutDown;

    /** Runs the tasks on {@code threads}, a fixed pool of {@code parallelism} threads that belongs to the test. */
    SideBySide(ExecutorService threads, int parallelism) {
        this.threads = threads;
        this.parallelism = parallelism;
    }

    /**
     * Calls {@code call} with this pool on a thread of its own, opens the gate once that thread
     * waits (or has returned), and returns what the call returned, or throws what it threw.
     */
    <T> T call(String what, Function<ExecutorService, T> call) throws InterruptedException {
        Timeline.Call recorded = Timeline.current().start(what);
        FutureTask<T> outcome = new FutureTask<>(() -> {
            try {
                T result = call.apply(this);
                recorded.done();
                return result;
            } catch (RuntimeException | Error e) {
                recorded.failed();
                throw e;
            }
        });
        Thread caller = new Thread(outcome, "c-caller");
        caller.setDaemon(true);
        caller.start();
        long giveUp = System.nanoTime() + GATE_AT_MOST.toNanos();
        while (!waitingOrDone(caller) && System.nanoTime() < giveUp) {
            Thread.yield();
        }
        open();
        try {
            return outcome.get(Waits.AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError(what + " had not returned " + Waits.AT_MOST.toSeconds()
                    + " s after all its tasks were started: does it wait for something that never happens?");
        }
    }

    /** How many tasks the code submitted. */
    int tasks() {
        return tasks.get();
    }

    @Override
    public void execute(Runnable task) {
        if (shutDown) {
            throw new RejectedExecutionException("the test's pool was shut down by the code under test: the pool "
                    + "belongs to the caller, who uses it again (do not close or shut down a pool you were given)");
        }
        int number = tasks.incrementAndGet();
        Timeline timeline = Timeline.current();
        Runnable recorded = () -> runRecorded(task, timeline.start("task " + number));
        synchronized (this) {
            if (!open) {
                held.add(recorded);
                return;
            }
        }
        threads.execute(recorded);
    }

    /** Runs a task of the code under test, its call in the timeline ending as the task does. */
    static void runRecorded(Runnable task, Timeline.Call call) {
        try {
            task.run();
            call.done();
        } catch (RuntimeException | Error e) {
            call.failed();
            throw e;
        }
    }

    private void open() {
        List<Runnable> batch;
        synchronized (this) {
            open = true;
            batch = List.copyOf(held);
            held.clear();
        }
        int together = Math.min(batch.size(), parallelism);
        CountDownLatch ready = new CountDownLatch(together);
        AtomicInteger running = new AtomicInteger();
        for (int i = 0; i < batch.size(); i++) {
            Runnable task = batch.get(i);
            threads.execute(i >= together ? task : () -> {
                ready.countDown();
                try {
                    if (ready.await(1, TimeUnit.SECONDS)) {
                        // Threads leave a latch one after the other; each also waits until all are past it.
                        running.incrementAndGet();
                        long giveUp = System.nanoTime() + Duration.ofMillis(100).toNanos();
                        while (running.get() < together && System.nanoTime() < giveUp) {
                            Thread.yield();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                task.run();
            });
        }
    }

    private static boolean waitingOrDone(Thread caller) {
        Thread.State state = caller.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                || state == Thread.State.TERMINATED;
    }

    /** Shutting down only marks this pool: its threads belong to the test, which uses them again. */
    @Override
    public void shutdown() {
        shutDown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutDown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutDown;
    }

    @Override
    public boolean isTerminated() {
        return shutDown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutDown;
    }
}
