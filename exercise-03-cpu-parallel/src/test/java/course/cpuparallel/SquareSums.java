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

    /** A failure message for a wrong sum, naming the mistake that most likely gave it. */
    static String explain(long from, long to, BigInteger actual, BigInteger expected) {
        if (actual == null) {
            return String.format("The sum over [%d, %d) is %s; you returned null.", from, to, expected);
        }
        if (actual.equals(BigInteger.valueOf(expected.longValue()))) {
            return String.format("The sum over [%d, %d) is %s, larger than Long.MAX_VALUE; you returned %s, exactly "
                    + "what it gives when it wraps around in a long. Add the pieces' sums as BigInteger, and move a "
                    + "loop's long sum into a BigInteger before it overflows.", from, to, expected, actual);
        }
        return String.format("The sum over [%d, %d) is %s; you returned %s (off by %s). Look for an int overflow "
                + "(n * n with an int n above 46,340), a split that drops or repeats the number at the middle of a "
                + "range, or a loop that includes the upper end.", from, to, expected, actual, actual.subtract(expected));
    }

    /** 0² + 1² + ... + (n-1)² = (n-1) n (2n-1) / 6. */
    private static BigInteger belowLimit(long limit) {
        BigInteger n = BigInteger.valueOf(limit);
        return n.subtract(BigInteger.ONE).multiply(n).multiply(n.shiftLeft(1).subtract(BigInteger.ONE))
                .divide(BigInteger.valueOf(6));
    }
}
