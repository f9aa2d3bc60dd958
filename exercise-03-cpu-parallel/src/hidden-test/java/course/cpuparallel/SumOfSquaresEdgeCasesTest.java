package course.cpuparallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("part:B")
@ExtendWith({NotWrittenYet.class, TimelineExtension.class})
@DisplayName("B. Divide and conquer: empty and tiny ranges, huge squares, ranges that do not start at 0")
class SumOfSquaresEdgeCasesTest {

    @AutoClose
    final TestPools pools = new TestPools();

    @Test
    @Tag("points:1")
    @DisplayName("An empty range sums to 0")
    void emptyRange() {
        ForkJoinPool pool = pools.forkJoin(2, new NamedThreads("b-hidden"));

        assertThat(SumOfSquares.sumOfSquares(1_234_567, 1_234_567, pool))
                .as("the sum over the empty range [1234567, 1234567)").isEqualTo(BigInteger.ZERO);
    }

    @Test
    @Tag("points:1")
    @DisplayName("A range of one number is that number squared")
    void singleNumber() {
        ForkJoinPool pool = pools.forkJoin(2, new NamedThreads("b-hidden"));

        assertThat(SumOfSquares.sumOfSquares(7, 8, pool)).as("the sum over [7, 8)").isEqualTo(BigInteger.valueOf(49));
    }

    @Test
    @Tag("points:2")
    @DisplayName("A short range of numbers near 3 billion: each square fits a long, their sum does not")
    void hugeSquaresInAShortRange() {
        ForkJoinPool pool = pools.forkJoin(2, new NamedThreads("b-hidden"));
        long from = SumOfSquares.MAX_ARGUMENT - 1_000;
        BigInteger expected = SquareSums.expected(from, SumOfSquares.MAX_ARGUMENT);

        BigInteger sum = SumOfSquares.sumOfSquares(from, SumOfSquares.MAX_ARGUMENT, pool);

        assertThat(sum)
                .as("The 1000 numbers just below 3,000,000,000 each have a square near 9e18, so two of them "
                        + "already overflow a long, even inside one leaf of your task. You returned %s, "
                        + "expected %s: a leaf must also move its long sum into a BigInteger before it overflows "
                        + "(check with Math.addExact, or compare against Long.MAX_VALUE - square).", sum, expected)
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}, {1})")
    @CsvSource({"1, 2000003", "12345, 4567891", "1000000000, 1000700001", "0, 3", "65535, 65538", "2999000000, 2999600000"})
    @Tag("points:2")
    @DisplayName("Ranges of odd sizes that do not start at 0 are summed exactly")
    void rangesOfOddSizes(long from, long to) {
        ForkJoinPool pool = pools.forkJoin(2, new NamedThreads("b-hidden"));
        BigInteger expected = SquareSums.expected(from, to);

        BigInteger sum = SumOfSquares.sumOfSquares(from, to, pool);

        assertThat(sum).as(SquareSums.explain(from, to, sum, expected)).isEqualTo(expected);
    }

    @Test
    @Tag("points:1")
    @DisplayName("A range of at most THRESHOLD numbers is one leaf: summed by one call, not split")
    void shortRangeIsOneLeaf() {
        ForkJoinPool pool = pools.forkJoin(2, new NamedThreads("b-hidden"));
        Queue<List<Long>> leaves = new ConcurrentLinkedQueue<>();
        long from = 1_000;
        long to = from + SumOfSquares.THRESHOLD;

        BigInteger sum = SumOfSquares.sumInParallel(from, to, (a, b) -> {
            Timeline.Call call = Timeline.current().start("leaf " + a + ".." + b);
            if (b - a < to - from) {
                Timeline.current().broke("the range of THRESHOLD numbers was split: leaf " + a + ".." + b);
            }
            leaves.add(List.of(a, b));
            call.done();
            return BigInteger.valueOf(b - a);
        }, pool);

        assertThat(leaves)
                .as("[%d, %d) is exactly THRESHOLD numbers long, so it is one leaf: one call leaf.sum(%d, %d). "
                        + "Your leaves were %s: split only ranges longer than THRESHOLD (to - from > THRESHOLD); "
                        + "tiny leaves drown the work in task overhead.", from, to, from, to, leaves)
                .containsExactly(List.of(from, to));
        assertThat(sum).isEqualTo(BigInteger.valueOf(to - from));
    }

    @Test
    @Tag("points:1")
    @DisplayName("The ForkJoinPool you pass in still accepts work afterwards: the sum does not shut it down")
    void leavesTheCallersPoolOpen() {
        ForkJoinPool pool = pools.forkJoin(2, new NamedThreads("b-hidden"));

        BigInteger sum = SumOfSquares.sumOfSquares(0, 3 * SumOfSquares.THRESHOLD, pool);

        assertThat(sum).isEqualTo(SquareSums.expected(0, 3 * SumOfSquares.THRESHOLD));
        assertThat(pool.isShutdown())
                .as("The pool belongs to the caller, who will use it again; the sum shut it down. "
                        + "Use try-with-resources only on pools you create yourself.")
                .isFalse();
        assertThat(pool.invoke(ForkJoinTask.adapt(() -> "still open"))).isEqualTo("still open");
    }
}
