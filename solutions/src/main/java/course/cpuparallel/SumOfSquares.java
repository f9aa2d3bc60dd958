package course.cpuparallel;

import java.math.BigInteger;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/** Part B: divide and conquer with a {@link RecursiveTask} on a {@link ForkJoinPool}. */
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
        return pool.invoke(new Halves(fromInclusive, toExclusive, leaf));
    }

    private static final class Halves extends RecursiveTask<BigInteger> {
        private final long from;
        private final long to;
        private final LeafSum leaf;

        Halves(long from, long to, LeafSum leaf) {
            this.from = from;
            this.to = to;
            this.leaf = leaf;
        }

        @Override
        protected BigInteger compute() {
            if (to - from <= THRESHOLD) {
                return leaf.sum(from, to);
            }
            long middle = from + (to - from) / 2;
            Halves left = new Halves(from, middle, leaf);
            left.fork();                        // an idle worker may steal the left half ...
            BigInteger right = new Halves(middle, to, leaf).compute();   // ... while this one does the right
            return right.add(left.join());      // join only now: joining before compute() runs them one by one
        }
    }

    /**
     * The leaf of {@link #sumOfSquares}: the exact sum of {@code n * n} over a short range. Sums in a
     * {@code long} while it cannot overflow and moves the partial sum into a {@code BigInteger}
     * before it would: one square near 3e9 is already about 9e18, so even two of them overflow a
     * {@code long}; {@code BigInteger} arithmetic for every number would be slow.
     */
    public static BigInteger squaresInALoop(long fromInclusive, long toExclusive) {
        BigInteger total = BigInteger.ZERO;
        long partial = 0;
        for (long n = fromInclusive; n < toExclusive; n++) {
            long square = n * n;                // fits: n <= MAX_ARGUMENT
            if (partial > Long.MAX_VALUE - square) {
                total = total.add(BigInteger.valueOf(partial));
                partial = 0;
            }
            partial += square;
        }
        return total.add(BigInteger.valueOf(partial));
    }
}
