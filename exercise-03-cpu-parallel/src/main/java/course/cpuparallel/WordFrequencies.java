package course.cpuparallel;

import java.util.List;
import java.util.Map;
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
        // TODO: count the documents in tasks on the pool, each task into a map of its own, and
        //  merge the partial maps once the tasks are done (or use ConcurrentHashMap.merge).
        //  README, part C.
        throw new UnsupportedOperationException(
                "TODO: count the words of the documents on the pool without a shared HashMap (README, part C)");
    }
}
