package course.cpuparallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part:C")
@DisplayName("C. Parallel word counts: exact totals from many tasks, no shared map")
class WordFrequenciesTest {

    /** Few distinct words and many tasks: every task updates the same few counters. */
    private static final Documents MANY_DOCUMENTS =
            Documents.generate(400, 1_000, List.of("alpha", "beta", "gamma", "delta", "epsilon"));

    @AutoClose
    final TestPools pools = new TestPools();

    @RepeatedTest(3)
    @Tag("points:8")
    @DisplayName("400 documents of 1000 words on 4 threads: every word counted exactly")
    void exactCountsFromManyTasks() {
        ExecutorService pool = pools.fixed(4, new NamedThreads("c-pool"));

        Map<String, Long> counts = WordFrequencies.count(MANY_DOCUMENTS.texts(), pool);

        long total = MANY_DOCUMENTS.expectedCounts().values().stream().mapToLong(Long::longValue).sum();
        assertThat(counts)
                .as("Counts of 5 words over %d words in 400 documents. Counts that are too low, or differ "
                        + "from run to run, are lost updates: several tasks wrote to the same HashMap at the "
                        + "same time. HashMap is not thread-safe, even with merge(). Give each task a map of "
                        + "its own and merge them when the tasks are done, or use a ConcurrentHashMap with "
                        + "merge() (atomic per key).", total)
                .containsExactlyInAnyOrderEntriesOf(MANY_DOCUMENTS.expectedCounts());
    }

    @Test
    @Tag("points:4")
    @DisplayName("The counting is split into several tasks on the pool you pass in")
    void splitAcrossThePool() {
        CountingExecutor pool = new CountingExecutor(pools.fixed(2, new NamedThreads("c-pool")));
        Documents documents = Documents.generate(8, 50, List.of("fork", "join", "merge"));

        Map<String, Long> counts = WordFrequencies.count(documents.texts(), pool);

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(documents.expectedCounts());
        assertThat(pool.tasks())
                .as("8 documents gave %d task(s) on the pool you were given. Split the documents into at "
                        + "least 2 tasks (one per document is fine) and submit them all to that pool; a "
                        + "parallel stream would use the common pool instead.", pool.tasks())
                .isGreaterThanOrEqualTo(2);
    }
}
