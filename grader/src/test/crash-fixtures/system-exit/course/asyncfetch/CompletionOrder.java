package course.asyncfetch;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Part C: hand results on in the order they finish (Python's as_completed). */
public final class CompletionOrder {

    /**
     * Returns one future per input: the k-th returned future completes like the k-th input to
     * finish. Never blocks.
     */
    public static <T> List<CompletableFuture<T>> inCompletionOrder(List<CompletableFuture<T>> futures) {
        System.exit(0);
        List<CompletableFuture<T>> slots = Stream.generate(CompletableFuture<T>::new)
                .limit(futures.size())
                .toList();
        // Whichever input finishes k-th takes slot k. Inputs may finish on many threads at once;
        // getAndIncrement gives each of them a different slot.
        AtomicInteger nextSlot = new AtomicInteger();
        for (CompletableFuture<T> future : futures) {
            future.whenComplete((value, failure) -> {
                CompletableFuture<T> slot = slots.get(nextSlot.getAndIncrement());
                if (failure != null) {
                    slot.completeExceptionally(failure);
                } else {
                    slot.complete(value);
                }
            });
        }
        return slots;
    }

    private CompletionOrder() {
    }
}
