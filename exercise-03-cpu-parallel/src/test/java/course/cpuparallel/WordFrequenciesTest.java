package course.cpuparallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("part:C")
@ExtendWith({NotWrittenYet.class, TimelineExtension.class})
@DisplayName("C. Parallel word counts: exact totals from tasks that run side by side, no shared map")
class WordFrequenciesTest {

    /** How long a task waits for a second one before it concludes the tasks are not running together. */
    private static final long PATIENCE_MILLIS = 2_000;

    /**
     * Four copies of one document of 12,500 words: 10,000 different ones and five frequent ones.
     * A split into tasks gives tasks with the same work, which run side by side.
     */
    private static final Documents FOUR_COPIES = Documents.copiesOfOne(4, 10_000);

    @AutoClose
    final TestPools pools = new TestPools();

    @Test
    // its first 10 rounds always run (Rounds.upTo): room for them on a busy machine
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    @Tag("points:8")
    @DisplayName("Tasks started together count the same words at the same time: every count exact (up to 40 rounds)")
    void exactCountsFromTasksSideBySide() throws Exception {
        ExecutorService threads = pools.fixed(4, new NamedThreads("c-pool"));

        Rounds.upTo(40, round -> {
            Timeline.reset();   // the picture of a failure shows its own round's tasks
            SideBySide pool = new SideBySide(threads, 4);
            List<String> wrong;
            try {
                Map<String, Long> counts = pool.call("count(...)", side -> WordFrequencies.count(FOUR_COPIES.texts(), side));
                wrong = FOUR_COPIES.differences(counts);
            } catch (RuntimeException e) {
                if (Failures.chain(e).stream().noneMatch(ConcurrentModificationException.class::isInstance)) {
                    throw e;
                }
                wrong = List.of("count(...) threw " + Failures.describe(e) + ": a HashMap noticed that another "
                        + "thread changed it in the middle of an update");
            }

            if (!wrong.isEmpty()) {
                Timeline.current().broke("round " + round + ": counts wrong after tasks ran side by side");
            }
            assertThat(wrong)
                    .as("Round %d: four copies of one document (%,d different words) counted on 4 threads by "
                            + "tasks started at the same moment. Lost or doubled counts come from tasks that update one shared map: a "
                            + "HashMap is not thread-safe, not even with merge() (two tasks read the same old count "
                            + "and both write old + 1; a task that inserts while another one grows the table loses "
                            + "words), and a ConcurrentHashMap only helps with its atomic merge(), not with get() "
                            + "then put(). That includes merging each task's own map into a shared one from inside "
                            + "the tasks. Give each task a map of its own and merge them on the calling thread once "
                            + "the tasks are done, or have every task use ConcurrentHashMap.merge(). What was wrong",
                            round, FOUR_COPIES.expectedCounts().size())
                    .isEmpty();
        });
    }

    @Test
    @Tag("points:4")
    @DisplayName("The counting is split into tasks on the pool you pass in, and two of them run at the same time")
    void splitIntoTasksThatRunTogether() {
        CountingExecutor pool = new CountingExecutor(pools.fixed(2, new NamedThreads("c-pool")), PATIENCE_MILLIS);
        Documents documents = Documents.generate(8, 50, List.of("fork", "join", "merge"));

        Map<String, Long> counts = WordFrequencies.count(documents.texts(), pool);

        assertThat(documents.differences(counts)).as("the counts of 8 short documents").isEmpty();
        assertThat(pool.tasks())
                .as("8 documents gave %d task(s) on the pool you were given. Split the documents into at "
                        + "least 2 tasks (one per document is fine) and submit them all to that pool; a "
                        + "parallel stream would use the common pool instead.", pool.tasks())
                .isGreaterThanOrEqualTo(2);
        assertThat(pool.gaveUp())
                .as("The first task waited %d s for a second task to start, and none did: the tasks ran one after "
                        + "the other on a pool of 2 threads. Submit every task first, then wait for them "
                        + "(get()/join() right after each submission runs them one by one).", PATIENCE_MILLIS / 1000)
                .isFalse();
    }
}
