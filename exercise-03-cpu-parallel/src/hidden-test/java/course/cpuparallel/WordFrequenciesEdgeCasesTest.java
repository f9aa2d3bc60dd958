package course.cpuparallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("part:C")
@ExtendWith(NotWrittenYet.class)
@DisplayName("C. Parallel word counts: no documents, documents without words, many distinct words, the caller's pool")
class WordFrequenciesEdgeCasesTest {

    @AutoClose
    final TestPools pools = new TestPools();

    @Test
    @Tag("points:2")
    @DisplayName("No documents give an empty map")
    void noDocuments() {
        ExecutorService pool = pools.fixed(2, new NamedThreads("c-hidden"));

        assertThat(WordFrequencies.count(List.of(), pool)).as("the counts for no documents").isEmpty();
    }

    @Test
    @Tag("points:2")
    @DisplayName("Documents without words add nothing; the others are still counted")
    void documentsWithoutWords() {
        ExecutorService pool = pools.fixed(2, new NamedThreads("c-hidden"));
        List<String> documents = List.of("", "Tasks and threads.", "   ", "1, 2, 3 - 42!", "threads AND pools");

        Map<String, Long> counts = WordFrequencies.count(documents, pool);

        assertThat(counts)
                .as("counts for %s (words are what Words.split returns: no empty words, no digits)", documents)
                .containsExactlyInAnyOrderEntriesOf(Map.of("tasks", 1L, "and", 2L, "threads", 2L, "pools", 1L));
    }

    @Test
    @Tag("points:2")
    @DisplayName("Twenty thousand distinct words over 200 documents are all counted exactly")
    void manyDistinctWords() {
        ExecutorService pool = pools.fixed(4, new NamedThreads("c-hidden"));
        List<String> vocabulary = IntStream.range(0, 20_000).mapToObj(Documents::letters).toList();
        Documents documents = Documents.generate(200, 500, vocabulary);

        Map<String, Long> counts = WordFrequencies.count(documents.texts(), pool);

        assertThat(counts)
                .as("counts of 20,000 distinct words over 100,000 words. Missing words or wrong counts mean "
                        + "tasks wrote to a shared HashMap while it was growing (resizing): give each task its "
                        + "own map, or use a ConcurrentHashMap.")
                .hasSize(documents.expectedCounts().size())
                .containsExactlyInAnyOrderEntriesOf(documents.expectedCounts());
    }

    @Test
    @Tag("points:2")
    @DisplayName("The pool you pass in still accepts work afterwards: count does not shut it down")
    void leavesTheCallersPoolOpen() throws Exception {
        ExecutorService pool = pools.fixed(2, new NamedThreads("c-hidden"));

        Map<String, Long> counts = WordFrequencies.count(List.of("one pool", "two pools", "one pool"), pool);

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("one", 2L, "two", 1L, "pool", 2L, "pools", 1L));
        assertThat(pool.isShutdown())
                .as("The pool belongs to the caller, who will use it again; count(...) shut it down. "
                        + "Use try-with-resources only on executors you create yourself.")
                .isFalse();
        Future<String> stillWorks = pool.submit(() -> "still open");
        assertThat(stillWorks.get(2, TimeUnit.SECONDS)).isEqualTo("still open");
    }
}
