package course.asyncfetch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Part F's demo: 12 queries share a pool of 3 simulated connections (50–150 ms a query); one
 * impatient caller gives up after 20 ms. Run it with (from the repository root):
 * {@code mvn -q compile exec:exec -pl exercise-01-async-fetch -Ddemo=course.asyncfetch.PoolDemo}.
 * The demo is the one place allowed to block: it waits for the queries with {@code join()}.
 */
public final class PoolDemo {

    public static void main(String[] args) {
        TaskScheduler scheduler = TaskScheduler.system();
        List<SimulatedConnection> connections = IntStream.rangeClosed(1, 3)
                .mapToObj(n -> new SimulatedConnection("conn-" + n, scheduler, Duration.ofMillis(50), Duration.ofMillis(150)))
                .toList();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();

        CompletableFuture<Connection> impatient;
        List<CompletableFuture<String>> answers;
        try (ConnectionPool pool = new ConnectionPool(connections, scheduler)) {
            answers = IntStream.rangeClosed(1, 12)
                    .mapToObj(n -> pool.withConnection(connection -> {
                        mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                        return connection.query("query-" + n).whenComplete((answer, failure) -> running.decrementAndGet());
                    }))
                    .toList();
            // Nine queries wait ahead of this caller, and none takes less than 50 ms.
            impatient = pool.acquire(Duration.ofMillis(20));
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        }

        long answered = answers.stream().filter(answer -> !answer.isCompletedExceptionally()).count();
        System.out.println("Answered: " + answered + " of " + answers.size());
        System.out.println("Most queries running at once: " + mostRunning.get());
        System.out.println("Impatient caller: " + (impatient.isCompletedExceptionally()
                && impatient.exceptionNow() instanceof TimeoutException ? "timed out after 20 ms" : "was served?!"));
        long closedOnce = connections.stream().filter(connection -> connection.timesClosed() == 1).count();
        System.out.println("Connections closed once each: " + closedOnce + " of " + connections.size());
    }

    private PoolDemo() {
    }
}
