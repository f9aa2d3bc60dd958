package course.asyncfetch;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The seed's exercise 1: fetch 50 simulated items, at most 10 in flight, with a 3 s global
 * timeout. Run it with (from the repository root):
 * {@code mvn -q compile exec:exec -pl exercise-01-async-fetch -Ddemo=course.asyncfetch.FetchDemo}.
 * The demo is the one place allowed to block: it waits for the batch with {@code join()}.
 */
public final class FetchDemo {

    public static void main(String[] args) {
        TaskScheduler scheduler = TaskScheduler.system();
        AsyncRemote remote = new SimulatedRemote(scheduler, Duration.ofMillis(50), Duration.ofMillis(200));
        List<Integer> ids = IntStream.rangeClosed(1, 50).boxed().toList();

        List<String> items = BatchFetch
                .fetchAll(remote, ids, new AsyncLimiter(10), Duration.ofSeconds(3), scheduler)
                .join();

        System.out.println("Fetched: " + items.size());
    }

    private FetchDemo() {
    }
}
