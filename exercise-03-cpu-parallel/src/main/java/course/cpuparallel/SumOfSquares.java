package course.cpuparallel;

import java.math.BigInteger;
import java.util.concurrent.ForkJoinPool;

/** Part B: divide and conquer with a {@link java.util.concurrent.RecursiveTask} on a {@link ForkJoinPool}. */
public final class SumOfSquares {

    /** The largest argument accepted: the square of every number up to it fits in a {@code long}. */
    public static final long MAX_ARGUMENT = 3_000_000_000L;

    /**
     * Ranges at most this long are one leaf: summed by one call of the leaf sum, not split further.
     * About 65 thousand numbers take tens of microseconds: enough work that forking and joining cost
     * little next to it, and a large range still splits into many more leaves than there are cores.
     */
    public static final long THRESHOLD = 1 << 16;

    /** What one leaf of the divide and conquer computes: the sum over a short range, in a plain loop. */
    @FunctionalInterface
    public interface LeafSum {
        BigInteger sum(long fromInclusive, long toExclusive);
    }

    private SumOfSquares() {
    }

    /**
     * The exact sum of {@code n * n} for {@code fromInclusive <= n < toExclusive}, computed on
     * {@code pool}. Requires {@code 0 <= fromInclusive <= toExclusive <= MAX_ARGUMENT}.
     * The pool belongs to the caller: it is not shut down.
     */
    public static BigInteger sumOfSquares(long fromInclusive, long toExclusive, ForkJoinPool pool) {
        if (fromInclusive < 0 || fromInclusive > toExclusive || toExclusive > MAX_ARGUMENT) {
            throw new IllegalArgumentException("need 0 <= from <= to <= " + MAX_ARGUMENT
                    + ", got [" + fromInclusive + ", " + toExclusive + ")");
        }
        return sumInParallel(fromInclusive, toExclusive, SumOfSquares::squaresInALoop, pool);
    }

    /**
     * Splits {@code [fromInclusive, toExclusive)} in halves until the pieces are at most
     * {@link #THRESHOLD} long, sums each piece with one call of {@code leaf}, and adds up the
     * pieces' sums. The halves run at the same time on {@code pool}; the pool is not shut down.
     */
    public static BigInteger sumInParallel(long fromInclusive, long toExclusive, LeafSum leaf, ForkJoinPool pool) {
        // TODO: write a RecursiveTask<BigInteger>: a piece at most THRESHOLD long is one leaf.sum(...) call;
        //  a longer one forks one half, computes the other, then joins. Invoke it on the pool. README, part B.
        throw new UnsupportedOperationException(
                "TODO: split the range in halves with a RecursiveTask on the given ForkJoinPool (README, part B)");
    }

    /**
     * The leaf of {@link #sumOfSquares}: the exact sum of {@code n * n} for
     * {@code fromInclusive <= n < toExclusive}, in a plain loop on the calling thread.
     */
    public static BigInteger squaresInALoop(long fromInclusive, long toExclusive) {
        // TODO: add the squares in a long, and move that sum into a BigInteger before it would
        //  overflow. README, part B.
        throw new UnsupportedOperationException(
                "TODO: sum the squares of a short range in a loop, exactly (README, part B)");
    }
}
