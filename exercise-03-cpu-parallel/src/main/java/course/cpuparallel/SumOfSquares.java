package course.cpuparallel;

import java.math.BigInteger;
import java.util.concurrent.ForkJoinPool;

/** Part B: divide and conquer with a {@link java.util.concurrent.RecursiveTask} on a {@link ForkJoinPool}. */
public final class SumOfSquares {

    /** The largest argument accepted: the square of every number up to it fits in a {@code long}. */
    public static final long MAX_ARGUMENT = 3_000_000_000L;

    private SumOfSquares() {
    }

    /**
     * The exact sum of {@code n * n} for {@code fromInclusive <= n < toExclusive}, computed on
     * {@code pool}. Requires {@code 0 <= fromInclusive <= toExclusive <= MAX_ARGUMENT}.
     * The pool belongs to the caller: it is not shut down.
     */
    public static BigInteger sumOfSquares(long fromInclusive, long toExclusive, ForkJoinPool pool) {
        // TODO: write a RecursiveTask that splits the range in halves until it is short enough for
        //  a plain loop, and invoke it on the pool. The sum overflows a long. README, part B.
        throw new UnsupportedOperationException(
                "TODO: sum the squares of the range with a RecursiveTask on the given ForkJoinPool (README, part B)");
    }
}
