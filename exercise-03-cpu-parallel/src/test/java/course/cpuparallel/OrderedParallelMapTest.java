package course.cpuparallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("part:A")
@ExtendWith({NotWrittenYet.class, TimelineExtension.class})
@DisplayName("A. Ordered parallel map: items run at the same time on your pool, results in input order")
class OrderedParallelMapTest {

    /** How long a fake waits for another item before it concludes the items are not running together. */
    private static final long PATIENCE_SECONDS = 2;

    @AutoClose
    final TestPools pools = new TestPools();

    @Test
    @Tag("points:7")
    @DisplayName("Two items run at the same time: each one waits at a barrier for the other")
    void twoItemsRunAtTheSameTime() {
        ExecutorService pool = pools.fixed(2, new NamedThreads("a-pool"));
        CyclicBarrier rendezvous = new CyclicBarrier(2);
        List<String> missed = new CopyOnWriteArrayList<>();
        Function<Integer, Integer> work = n -> {
            Timeline.Call call = Timeline.current().start("item " + n);
            try {
                rendezvous.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
                call.done();
            } catch (TimeoutException | BrokenBarrierException | InterruptedException e) {
                missed.add("item " + n);
                Timeline.current().broke("item " + n + " waited " + PATIENCE_SECONDS + " s, no other item started");
                call.failed();
            }
            return n * 10;
        };

        List<Pair<Integer, Integer>> results = OrderedParallelMap.map(List.of(1, 2), work, pool);

        assertThat(missed)
                .as("Each item's work waits up to %d s at a barrier for the other item's work; %s gave up "
                        + "waiting: the two items did not run at the same time on a pool of 2 threads. "
                        + "Are you waiting for each result (get()/join()) right after submitting it (one "
                        + "stream .map(submit).map(join) does that too), or calling work.apply in a plain "
                        + "loop? Submit every item first, then wait.",
                        PATIENCE_SECONDS, missed)
                .isEmpty();
        assertThat(results).containsExactly(new Pair<>(1, 10), new Pair<>(2, 20));
    }

    @Test
    @Tag("points:7")
    @DisplayName("Results come back in input order even when the items finish in reverse order")
    void resultsInInputOrderWhenItemsFinishInReverse() {
        int n = 4;
        ExecutorService pool = pools.fixed(n, new NamedThreads("a-pool"));
        // Item i may only finish after item i + 1 has finished: the last input finishes first.
        List<CountDownLatch> finished = IntStream.range(0, n).mapToObj(i -> new CountDownLatch(1)).toList();
        ConcurrentLinkedQueue<Integer> finishOrder = new ConcurrentLinkedQueue<>();
        AtomicBoolean gaveUp = new AtomicBoolean();
        Function<Integer, String> work = i -> {
            Timeline.Call call = Timeline.current().start("item " + i);
            boolean waitedInVain = false;
            try {
                if (i + 1 < n && !gaveUp.get()
                        && !finished.get(i + 1).await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                    gaveUp.set(true);   // fail once, fast, instead of once per item
                    waitedInVain = true;
                    Timeline.current().broke("item " + i + " waited " + PATIENCE_SECONDS + " s for item " + (i + 1));
                }
            } catch (InterruptedException e) {
                gaveUp.set(true);
            }
            if (waitedInVain) {
                call.failed();
            } else {
                call.done();
            }
            finishOrder.add(i);
            finished.get(i).countDown();
            return "output-" + i;
        };

        List<Pair<Integer, String>> results = OrderedParallelMap.map(List.of(0, 1, 2, 3), work, pool);

        assertThat(gaveUp)
                .as("Item 0 can only finish after item 1, item 1 after item 2, and so on, so all %d items "
                        + "must be running at the same time on the pool of %d threads. An item waited %d s "
                        + "for the next one, which never finished: did you run the items one after another "
                        + "(get()/join() right after each submission)?",
                        n, n, PATIENCE_SECONDS)
                .isFalse();
        assertThat(finishOrder).as("the fake work's finishing order").containsExactly(3, 2, 1, 0);
        assertThat(results)
                .as("The items finished in the order 3, 2, 1, 0 but the pairs must come back in input order. "
                        + "If the list is reversed you are collecting results as they complete "
                        + "(an ExecutorCompletionService, or adding to a list from inside the tasks); "
                        + "keep the futures in input order and wait for them in that order.")
                .containsExactly(new Pair<>(0, "output-0"), new Pair<>(1, "output-1"),
                        new Pair<>(2, "output-2"), new Pair<>(3, "output-3"));
    }

    @Test
    @Tag("points:4")
    @DisplayName("The work runs on the pool you pass in, not on the common pool or the calling thread")
    void workRunsOnTheGivenPool() {
        NamedThreads threads = new NamedThreads("a-pool");
        ExecutorService pool = pools.fixed(3, threads);
        List<String> ranOn = new CopyOnWriteArrayList<>();
        Function<String, Integer> work = word -> {
            Timeline.Call call = Timeline.current().start("item " + word);
            String thread = Thread.currentThread().getName();
            ranOn.add(thread);
            if (!threads.made(thread)) {
                Timeline.current().broke("item " + word + " ran on " + thread + ", not on the given pool");
            }
            call.done();
            return word.length();
        };
        List<String> inputs = List.of("fork", "join", "pool", "stream", "thread", "core");

        List<Pair<String, Integer>> results = OrderedParallelMap.map(inputs, work, pool);

        assertThat(results).as("the (input, output) pairs in input order")
                .containsExactly(new Pair<>("fork", 4), new Pair<>("join", 4), new Pair<>("pool", 4),
                        new Pair<>("stream", 6), new Pair<>("thread", 6), new Pair<>("core", 4));
        assertThat(ranOn)
                .as("The work ran on the threads %s, but the pool you were given names its threads '%s...'. "
                        + "A parallel stream or CompletableFuture.supplyAsync without an executor runs on "
                        + "ForkJoinPool.commonPool; pass the given pool to every submission.",
                        ranOn.stream().distinct().toList(), threads.prefix())
                .hasSize(inputs.size())
                .allMatch(threads::made);
    }
}
