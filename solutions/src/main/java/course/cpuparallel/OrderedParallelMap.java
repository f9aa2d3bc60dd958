package course.cpuparallel;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/** Part A: apply CPU-heavy work to every input in parallel and keep the input order. */
public final class OrderedParallelMap {

    private OrderedParallelMap() {
    }

    /**
     * Runs {@code work} for every input on {@code pool}, all at once as far as the pool allows,
     * and returns one {@code (input, output)} pair per input, in input order.
     * Blocks until every item is done. The pool belongs to the caller: it is not shut down.
     *
     * @throws java.util.concurrent.CompletionException if the work fails for an input (the
     *         work's exception is the cause)
     */
    public static <I, O> List<Pair<I, O>> map(List<I> inputs, Function<? super I, ? extends O> work,
                                              ExecutorService pool) {
        // Submit everything first (toList() is a terminal operation, so every task is on the
        // pool before we wait for any): waiting inside this loop would run the items one by one.
        List<CompletableFuture<Pair<I, O>>> pending = inputs.stream()
                .map(input -> CompletableFuture.supplyAsync(() -> new Pair<I, O>(input, work.apply(input)), pool))
                .toList();
        // Joining in submission order gives input order, whatever order the items finish in.
        return pending.stream().map(CompletableFuture::join).toList();
    }
}
