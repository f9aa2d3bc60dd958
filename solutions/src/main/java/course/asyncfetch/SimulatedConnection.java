package course.asyncfetch;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's connection: every query answers {@code "<name>: <request> done"} after a random
 * latency between {@code minLatency} and {@code maxLatency}, scheduled on the {@link TaskScheduler}
 * (nothing blocks while it waits). It counts how often it was closed.
 */
public final class SimulatedConnection implements Connection {

    private final String name;
    private final TaskScheduler scheduler;
    private final Duration minLatency;
    private final Duration maxLatency;
    private final AtomicInteger timesClosed = new AtomicInteger();

    public SimulatedConnection(String name, TaskScheduler scheduler, Duration minLatency, Duration maxLatency) {
        this.name = name;
        this.scheduler = scheduler;
        this.minLatency = minLatency;
        this.maxLatency = maxLatency;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletableFuture<String> query(String request) {
        long latencyNanos = ThreadLocalRandom.current().nextLong(minLatency.toNanos(), maxLatency.toNanos() + 1);
        CompletableFuture<String> answer = new CompletableFuture<>();
        var pending = scheduler.schedule(Duration.ofNanos(latencyNanos), () -> answer.complete(name + ": " + request + " done"));
        answer.whenComplete((value, failure) -> pending.cancel(false));
        return answer;
    }

    @Override
    public void close() {
        timesClosed.incrementAndGet();
    }

    /** How many times {@link #close()} was called (a pool calls it once). */
    public int timesClosed() {
        return timesClosed.get();
    }

    @Override
    public String toString() {
        return name;
    }
}
