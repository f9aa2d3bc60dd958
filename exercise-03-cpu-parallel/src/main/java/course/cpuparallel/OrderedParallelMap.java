package course.cpuparallel;

import java.util.List;
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
        // TODO: put every input's work on the pool before waiting for any of them, then collect
        //  the (input, output) pairs in input order. README, part A.
        throw new UnsupportedOperationException(
                "TODO: run the work for every input on the pool, results as pairs in input order (README, part A)");
    }
}
