package course.cpuparallel;

import static org.assertj.core.api.Assertions.assertThat;

import course.cpuparallel.SumOfSquares.LeafSum;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("part:B")
@ExtendWith({NotWrittenYet.class, TimelineExtension.class})
@DisplayName("B. Divide and conquer: exact sums, halves that run at the same time on the ForkJoinPool you pass in")
class SumOfSquaresTest {

    /** How long a leaf waits for another leaf before it concludes the halves are not running together. */
    private static final long PATIENCE_SECONDS = 2;

    private static final long THRESHOLD = SumOfSquares.THRESHOLD;

    @AutoClose
    final TestPools pools = new TestPools();

    @Test
    @Tag("points:2")
    @DisplayName("The squares of 1 to 1000 add up to 333,833,500")
    void smallRange() {
        ForkJoinPool pool = pools.forkJoin(2, new NamedThreads("b-pool"));

        BigInteger sum = SumOfSquares.sumOfSquares(1, 1_001, pool);

        assertThat(sum).as("1² + 2² + ... + 1000² (the range [1, 1001): the upper end is excluded). "
                        + SquareSums.explain(1, 1_001, sum, BigInteger.valueOf(333_833_500L)))
                .isEqualTo(BigInteger.valueOf(333_833_500L));
    }

    @Test
    @Tag("points:3")
    @DisplayName("A sum larger than Long.MAX_VALUE is exact: the squares of 0 to 9,999,999")
    void sumLargerThanALong() {
        ForkJoinPool pool = pools.forkJoin(2, new NamedThreads("b-pool"));
        BigInteger expected = SquareSums.expected(0, 10_000_000);

        BigInteger sum = SumOfSquares.sumOfSquares(0, 10_000_000, pool);

        assertThat(expected).as("test premise").isGreaterThan(BigInteger.valueOf(Long.MAX_VALUE));
        assertThat(sum).as(SquareSums.explain(0, 10_000_000, sum, expected)).isEqualTo(expected);
    }

    @Test
    @Tag("points:3")
    @DisplayName("The two halves of a split run at the same time: the first leaf waits until a second leaf starts")
    void halvesRunAtTheSameTime() {
        ForkJoinPool pool = pools.forkJoin(2, new NamedThreads("b-pool"));
        CountDownLatch twoLeavesStarted = new CountDownLatch(2);
        AtomicInteger leaves = new AtomicInteger();
        AtomicBoolean gaveUp = new AtomicBoolean();
        LeafSum waitsForAnotherLeaf = (from, to) -> {
            Timeline.Call call = Timeline.current().start(lane(from, to));
            leaves.incrementAndGet();
            twoLeavesStarted.countDown();
            boolean waitedInVain = false;
            try {
                waitedInVain = !twoLeavesStarted.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                waitedInVain = true;
                Thread.currentThread().interrupt();
            }
            if (waitedInVain) {
                gaveUp.set(true);
                Timeline.current().broke("leaf " + from + ".." + to + " waited " + PATIENCE_SECONDS
                        + " s, no second leaf started");
                call.failed();
            } else {
                call.done();
            }
            return BigInteger.valueOf(to - from);
        };
        long to = 4 * THRESHOLD;

        BigInteger sum = SumOfSquares.sumInParallel(0, to, waitsForAnotherLeaf, pool);

        assertThat(leaves.get())
                .as("The leaf sum you were given was never called: sum every piece of at most THRESHOLD numbers "
                        + "with leaf.sum(from, to)")
                .isPositive();
        assertThat(gaveUp.get())
                .as("[0, %d) is 4 x THRESHOLD numbers, so it splits into several leaves; on a pool of 2 threads "
                        + "the first leaf waited %d s for a second leaf to start, and none did%s. The halves of "
                        + "each split ran one after the other. Usual causes: join() on the forked half before "
                        + "compute() of the other half, compute() of both halves, or pool.invoke(...) inside "
                        + "compute(). Fork one half, compute the other, and only then join the forked one.",
                        to, PATIENCE_SECONDS, leaves.get() == 1 ? " (only one leaf ran at all: was the range split?)" : "")
                .isFalse();
        assertThat(sum)
                .as("Each leaf returned the length of its piece, so the pieces' sums add up to %d; you returned %s. "
                        + "Add up every piece's sum exactly once.", to, sum)
                .isEqualTo(BigInteger.valueOf(to));
    }

    @Test
    @Tag("points:2")
    @DisplayName("Every number of the range is in exactly one leaf, and no leaf is longer than THRESHOLD")
    void leavesCoverTheRangeOnce() {
        ForkJoinPool pool = pools.forkJoin(2, new NamedThreads("b-pool"));
        Queue<long[]> leaves = new ConcurrentLinkedQueue<>();
        LeafSum recording = (from, to) -> {
            Timeline.Call call = Timeline.current().start(lane(from, to));
            leaves.add(new long[] {from, to});
            call.done();
            return BigInteger.valueOf(to - from);
        };
        long from = 5;
        long to = from + 3 * THRESHOLD + 7;

        BigInteger sum = SumOfSquares.sumInParallel(from, to, recording, pool);

        List<long[]> pieces = leaves.stream().filter(piece -> piece[1] > piece[0])
                .sorted(Comparator.comparingLong((long[] piece) -> piece[0])).toList();
        assertThat(pieces).as("the leaf sum you were given was never called with a piece of the range").isNotEmpty();
        long next = from;
        for (long[] piece : pieces) {
            long start = next;
            assertThat(piece[0])
                    .as("The leaves of [%d, %d) were %s: %s", from, to, describe(pieces), piece[0] > start
                            ? "the numbers " + start + " to " + (piece[0] - 1) + " are in no leaf. A split that "
                                    + "gives [from, middle) and [middle + 1, to) loses the middle number."
                            : "the numbers from " + piece[0] + " to " + (Math.min(start, piece[1]) - 1) + " are in two "
                                    + "leaves. Split into [from, middle) and [middle, to): the upper end is excluded.")
                    .isEqualTo(start);
            assertThat(piece[1] - piece[0])
                    .as("The leaf [%d, %d) has %d numbers, more than THRESHOLD (%d): split every range longer "
                            + "than THRESHOLD", piece[0], piece[1], piece[1] - piece[0], THRESHOLD)
                    .isLessThanOrEqualTo(THRESHOLD);
            next = piece[1];
        }
        assertThat(next).as("The leaves of [%d, %d) were %s: the numbers from %d on are in no leaf", from, to,
                describe(pieces), next).isEqualTo(to);
        assertThat(sum)
                .as("Each leaf returned the length of its piece, so the pieces' sums add up to %d; you returned %s. "
                        + "Add up every piece's sum exactly once.", to - from, sum)
                .isEqualTo(BigInteger.valueOf(to - from));
    }

    @Test
    @Tag("points:2")
    @DisplayName("Every leaf runs on the ForkJoinPool you pass in")
    void leavesRunOnTheGivenPool() {
        NamedThreads workers = new NamedThreads("b-pool");
        ForkJoinPool pool = pools.forkJoin(2, workers);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        LeafSum recording = (from, to) -> {
            Timeline.Call call = Timeline.current().start(lane(from, to));
            String thread = Thread.currentThread().getName();
            threads.add(thread);
            if (!workers.made(thread)) {
                Timeline.current().broke("leaf " + from + ".." + to + " ran on " + thread + ", not on the given pool");
            }
            call.done();
            return BigInteger.valueOf(to - from);
        };

        SumOfSquares.sumInParallel(0, 8 * THRESHOLD, recording, pool);

        assertThat(threads)
                .as("The leaves ran on the threads %s, but the ForkJoinPool you were given names its workers "
                        + "'%s...'. A parallel stream or ForkJoinPool.commonPool() runs elsewhere, and task.invoke() "
                        + "or task.fork() called outside the pool runs on the calling thread or the common pool: "
                        + "start your RecursiveTask with pool.invoke(task).", threads, workers.prefix())
                .isNotEmpty()
                .allMatch(workers::made);
    }

    /** A leaf's lane in the timeline, e.g. "leaf 0..65536". */
    static String lane(long from, long to) {
        return "leaf " + from + ".." + to;
    }

    private static String describe(List<long[]> pieces) {
        List<String> shown = pieces.stream().limit(8).map(piece -> "[" + piece[0] + ", " + piece[1] + ")").toList();
        return String.join(" ", shown) + (pieces.size() > shown.size() ? " ... (" + pieces.size() + " leaves)" : "");
    }
}
