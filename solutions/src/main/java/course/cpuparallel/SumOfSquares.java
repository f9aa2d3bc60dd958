package course.cpuparallel;

import java.math.BigInteger;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/** Part B: divide and conquer with a {@link RecursiveTask} on a {@link ForkJoinPool}. */
public final class SumOfSquares {

    /** The largest argument accepted: the square of every number up to it fits in a {@code long}. */
    public static final long MAX_ARGUMENT = 3_000_000_000L;

    /**
     * Ranges at most this long are summed in a plain loop. About 65 thousand multiplications take
     * tens of microseconds: large enough that forking and joining cost little next to the work,
     * small enough that a large range splits into many more pieces than there are cores.
     */
    private static final long THRESHOLD = 1 << 16;

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
        return pool.invoke(new RangeSum(fromInclusive, toExclusive));
    }

    private static final class RangeSum extends RecursiveTask<BigInteger> {
        private final long from;
        private final long to;

        RangeSum(long from, long to) {
            this.from = from;
            this.to = to;
        }

        @Override
        protected BigInteger compute() {
            if (to - from <= THRESHOLD) {
                return sumInALoop(from, to);
            }
            long middle = from + (to - from) / 2;
            RangeSum left = new RangeSum(from, middle);
            left.fork();                        // an idle worker may steal the left half ...
            BigInteger right = new RangeSum(middle, to).compute();   // ... while this one does the right
            return right.add(left.join());
        }
    }

    /**
     * Sums in a {@code long} while it cannot overflow and moves the partial sum into a
     * {@code BigInteger} before it would: one square near 3e9 is already about 9e18, so even two
     * of them overflow a {@code long}; {@code BigInteger} arithmetic for every number would be slow.
     */
    private static BigInteger sumInALoop(long from, long to) {
        BigInteger total = BigInteger.ZERO;
        long partial = 0;
        for (long n = from; n < to; n++) {
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
