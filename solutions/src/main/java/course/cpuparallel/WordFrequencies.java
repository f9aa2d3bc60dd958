package course.cpuparallel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** Part C: count words over many documents in parallel, without sharing a map between tasks. */
public final class WordFrequencies {

    private WordFrequencies() {
    }

    /**
     * How often each word ({@link Words#split}) occurs across all {@code documents}, counted on
     * {@code pool}. Blocks until done. The pool belongs to the caller: it is not shut down.
     */
    public static Map<String, Long> count(List<String> documents, ExecutorService pool) {
        // Each task counts its own document into a map no other thread sees: no locks, no races.
        List<CompletableFuture<Map<String, Long>>> partials = documents.stream()
                .map(document -> CompletableFuture.supplyAsync(() -> countOne(document), pool))
                .toList();
        // Merging happens on this thread only, after each partial map is complete
        // (join() makes the task's writes visible here).
        Map<String, Long> total = new HashMap<>();
        for (CompletableFuture<Map<String, Long>> partial : partials) {
            partial.join().forEach((word, count) -> total.merge(word, count, Long::sum));
        }
        return total;
    }

    private static Map<String, Long> countOne(String document) {
        Map<String, Long> counts = new HashMap<>();
        for (String word : Words.split(document)) {
            counts.merge(word, 1L, Long::sum);
        }
        return counts;
    }
}
