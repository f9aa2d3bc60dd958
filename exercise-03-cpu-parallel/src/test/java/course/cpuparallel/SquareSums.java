package course.cpuparallel;

import java.math.BigInteger;

/** The expected answers for part B, from the closed formula instead of a loop. */
final class SquareSums {

    private SquareSums() {
    }

    /** The exact sum of n * n for from <= n < to. */
    static BigInteger expected(long from, long to) {
        return belowLimit(to).subtract(belowLimit(from));
    }

    /** What the same sum gives when it is kept in a {@code long} and silently overflows. */
    static BigInteger asIfOverflowedInALong(BigInteger exact) {
        return BigInteger.valueOf(exact.longValue());
    }

    /** 0² + 1² + ... + (n-1)² = (n-1) n (2n-1) / 6. */
    private static BigInteger belowLimit(long limit) {
        BigInteger n = BigInteger.valueOf(limit);
        return n.subtract(BigInteger.ONE).multiply(n).multiply(n.shiftLeft(1).subtract(BigInteger.ONE))
                .divide(BigInteger.valueOf(6));
    }
}
