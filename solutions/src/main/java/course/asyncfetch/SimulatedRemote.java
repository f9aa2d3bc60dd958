package course.asyncfetch;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The demo's remote: every fetch answers {@code "item-<id>"} after a random latency between
 * {@code minLatency} and {@code maxLatency}. Nothing blocks while it waits: the answer is
 * scheduled on the {@link TaskScheduler}.
 */
public final class SimulatedRemote implements AsyncRemote {

    private final TaskScheduler scheduler;
    private final Duration minLatency;
    private final Duration maxLatency;

    public SimulatedRemote(TaskScheduler scheduler, Duration minLatency, Duration maxLatency) {
        this.scheduler = scheduler;
        this.minLatency = minLatency;
        this.maxLatency = maxLatency;
    }

    @Override
    public CompletableFuture<String> fetch(int id) {
        long latencyNanos = ThreadLocalRandom.current()
                .nextLong(minLatency.toNanos(), maxLatency.toNanos() + 1);
        CompletableFuture<String> answer = new CompletableFuture<>();
        var pending = scheduler.schedule(Duration.ofNanos(latencyNanos), () -> answer.complete("item-" + id));
        // A cancelled fetch stops its timer too, like a real client closing the connection.
        answer.whenComplete((item, failure) -> pending.cancel(false));
        return answer;
    }
}
