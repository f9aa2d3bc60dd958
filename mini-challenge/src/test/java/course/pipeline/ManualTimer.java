package course.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A timer whose scheduled tasks run only when the test calls {@link #fire()}: timeouts happen
 * exactly when the test wants, without waiting for real time to pass.
 */
final class ManualTimer extends AbstractExecutorService implements ScheduledExecutorService {

    private final List<Task<?>> scheduled = new CopyOnWriteArrayList<>();
    private volatile boolean shutdown;
    private volatile Runnable beforeFiring = () -> { };

    final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        private final Duration delay;

        Task(Callable<V> work, Duration delay) {
            super(work);
            this.delay = delay;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(delay);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(new Task<>(Executors.callable(command), Duration.of(delay, unit.toChronoUnit())));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(new Task<>(callable, Duration.of(delay, unit.toChronoUnit())));
    }

    private <V> Task<V> add(Task<V> task) {
        scheduled.add(task);
        return task;
    }

    /** {@code hook} runs each time the test fires the timer, before the scheduled tasks. */
    ManualTimer beforeFiring(Runnable hook) {
        beforeFiring = hook;
        return this;
    }

    /** Runs every scheduled task that is not cancelled or done yet, now, on the calling thread. */
    void fire() {
        beforeFiring.run();
        Timeline.current().start("timeout fires").done(); // a mark on the timeline: what happens after it is late
        for (Task<?> task : scheduled) {
            if (!task.isDone()) {
                task.run();
            }
        }
    }

    /** The delays of everything scheduled so far. */
    List<Duration> scheduledDelays() {
        return scheduled.stream().map(task -> task.delay).toList();
    }

    /** How many scheduled tasks are still waiting (neither run nor cancelled). */
    long pending() {
        return scheduled.stream().filter(task -> !task.isDone()).count();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("the pipeline needs one timeout: use timer.schedule(task, delay, unit)");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("the pipeline needs one timeout: use timer.schedule(task, delay, unit)");
    }

    /** Runs the command at once, on the calling thread. */
    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }
}
