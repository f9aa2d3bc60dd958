package course.cpuparallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part:B")
@DisplayName("B. Divide and conquer: exact sums of squares on the ForkJoinPool you pass in")
class SumOfSquaresTest {

    @AutoClose
    final TestPools pools = new TestPools();

    @Test
    @Tag("points:3")
    @DisplayName("The squares of 1 to 1000 add up to 333,833,500")
    void smallRange() {
        ForkJoinPool pool = pools.forkJoin(2, new NamedThreads("b-pool"));

        BigInteger sum = SumOfSquares.sumOfSquares(1, 1_001, pool);

        assertThat(sum).as("1² + 2² + ... + 1000² (the range [1, 1001): the upper end is excluded). "
                        + SquareSums.explain(1, 1_001, sum, BigInteger.valueOf(333_833_500L)))
                .isEqualTo(BigInteger.valueOf(333_833_500L));
    }

    @Test
    @Tag("points:5")
    @DisplayName("A sum larger than Long.MAX_VALUE is exact: the squares of 0 to 9,999,999")
    void sumLargerThanALong() {
        ForkJoinPool pool = pools.forkJoin(2, new NamedThreads("b-pool"));
        BigInteger expected = SquareSums.expected(0, 10_000_000);

        BigInteger sum = SumOfSquares.sumOfSquares(0, 10_000_000, pool);

        assertThat(expected).as("test premise").isGreaterThan(BigInteger.valueOf(Long.MAX_VALUE));
        assertThat(sum).as(SquareSums.explain(0, 10_000_000, sum, expected)).isEqualTo(expected);
    }

    @Test
    @Tag("points:4")
    @DisplayName("The work runs on the ForkJoinPool you pass in")
    void usesTheGivenPool() {
        NamedThreads workers = new NamedThreads("b-pool");
        ForkJoinPool pool = pools.forkJoin(2, workers);

        BigInteger sum = SumOfSquares.sumOfSquares(0, 5_000_000, pool);

        BigInteger expected = SquareSums.expected(0, 5_000_000);
        assertThat(sum).as(SquareSums.explain(0, 5_000_000, sum, expected)).isEqualTo(expected);
        assertThat(workers.created())
                .as("The ForkJoinPool you were given never started a worker thread, so it ran none of "
                        + "the work. A parallel stream runs on ForkJoinPool.commonPool and a plain loop on "
                        + "the calling thread: invoke your RecursiveTask on the given pool (pool.invoke(task)).")
                .isPositive();
    }
}
