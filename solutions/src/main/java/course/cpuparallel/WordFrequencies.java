package course.cpuparallel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.IntStream;

/** Part C: count words over many documents in parallel, without sharing a map between tasks. */
public final class WordFrequencies {

    private WordFrequencies() {
    }

    /**
     * How often each word ({@link Words#split}) occurs across all {@code documents}, counted on
     * {@code pool}. Blocks until done. The pool belongs to the caller: it is not shut down.
     */
    public static Map<String, Long> count(List<String> documents, ExecutorService pool) {
        // A few slices per core: enough tasks to keep every thread busy even if some slices are
        // slower, few enough that merging their maps stays cheap next to the counting itself.
        int tasks = Math.min(documents.size(), 4 * Runtime.getRuntime().availableProcessors());
        List<CompletableFuture<Map<String, Long>>> partials = IntStream.range(0, tasks)
                .mapToObj(task -> documents.subList(documents.size() * task / tasks,
                        documents.size() * (task + 1) / tasks))
                .map(slice -> CompletableFuture.supplyAsync(() -> countSlice(slice), pool))
                .toList();
        // Each task counted into a map no other thread sees: no locks, no races. The merge runs on
        // this thread only, and join() makes each task's writes visible here.
        Map<String, Long> total = new HashMap<>();
        for (CompletableFuture<Map<String, Long>> partial : partials) {
            partial.join().forEach((word, count) -> total.merge(word, count, Long::sum));
        }
        return total;
    }

    private static Map<String, Long> countSlice(List<String> documents) {
        Map<String, Long> counts = new HashMap<>();
        for (String document : documents) {
            for (String word : Words.split(document)) {
                counts.merge(word, 1L, Long::sum);
            }
        }
        return counts;
    }
}
