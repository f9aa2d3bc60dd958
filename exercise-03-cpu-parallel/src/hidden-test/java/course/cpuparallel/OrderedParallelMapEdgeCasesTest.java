package course.cpuparallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("part:A")
@ExtendWith({NotWrittenYet.class, TimelineExtension.class})
@DisplayName("A. Ordered parallel map: empty and single inputs, duplicates, failures, the caller's pool")
class OrderedParallelMapEdgeCasesTest {

    @AutoClose
    final TestPools pools = new TestPools();

    @Test
    @Tag("points:2")
    @DisplayName("No inputs give an empty list and never call the work")
    void emptyInput() {
        ExecutorService pool = pools.fixed(2, new NamedThreads("a-hidden"));
        AtomicInteger calls = new AtomicInteger();

        List<Pair<Integer, Integer>> results = OrderedParallelMap.map(List.of(), n -> calls.incrementAndGet(), pool);

        assertThat(results).as("the pairs for an empty input list").isEmpty();
        assertThat(calls).as("calls of the work for an empty input list").hasValue(0);
    }

    @Test
    @Tag("points:2")
    @DisplayName("A single input gives a single pair")
    void singleInput() {
        ExecutorService pool = pools.fixed(2, new NamedThreads("a-hidden"));

        List<Pair<Integer, Integer>> results = OrderedParallelMap.map(List.of(7_919), Primes::countBelow, pool);

        assertThat(results).as("7919 is the 1000th prime: 999 primes are below it").containsExactly(new Pair<>(7_919, 999));
        assertThat(results).as("the result prints like the demo's tuples").hasToString("[(7919, 999)]");
    }

    @Test
    @Tag("points:3")
    @DisplayName("Repeated inputs and more inputs than threads: one pair per input, the work called once per input")
    void repeatedInputsAndMoreInputsThanThreads() {
        ExecutorService pool = pools.fixed(3, new NamedThreads("a-hidden"));
        List<Integer> inputs = IntStream.range(0, 40).map(i -> (i * 7) % 11).boxed().toList();
        Map<Integer, AtomicInteger> callsPerInput = new ConcurrentHashMap<>();
        Function<Integer, String> work = n -> {
            Timeline.Call call = Timeline.current().start("item " + n);
            callsPerInput.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
            call.done();
            return "#" + n;
        };

        List<Pair<Integer, String>> results = OrderedParallelMap.map(inputs, work, pool);

        assertThat(results)
                .as("40 inputs with repeated values on 3 threads: one pair per input, in input order. "
                        + "Fewer pairs usually means the results were kept in a Map keyed by input, "
                        + "which merges repeated inputs into one.")
                .containsExactlyElementsOf(inputs.stream().map(n -> new Pair<>(n, "#" + n)).toList());
        int totalCalls = callsPerInput.values().stream().mapToInt(AtomicInteger::get).sum();
        assertThat(totalCalls).as("calls of the work for 40 inputs").isEqualTo(inputs.size());
    }

    @Test
    @Tag("points:3")
    @DisplayName("When the work fails for one input, map fails with that exception as the cause")
    void failingItemFailsTheMap() {
        ExecutorService pool = pools.fixed(2, new NamedThreads("a-hidden"));
        IllegalStateException boom = new IllegalStateException("cannot preprocess input 3");
        Function<Integer, Integer> work = n -> {
            Timeline.Call call = Timeline.current().start("item " + n);
            if (n == 3) {
                call.failed();
                throw boom;
            }
            call.done();
            return n * n;
        };

        Throwable thrown = catchThrowable(() -> OrderedParallelMap.map(List.of(1, 2, 3, 4), work, pool));

        assertThat(thrown)
                .as("map(...) must not return normally when the work failed for an input")
                .isNotNull();
        assertThat(Failures.chain(thrown))
                .as("map(...) threw %s; the work's own exception (IllegalStateException: cannot preprocess "
                        + "input 3) must be the exception or its cause, so the caller can tell what went "
                        + "wrong. Do not swallow it or replace it with a result such as null.",
                        Failures.describe(thrown))
                .contains(boom);
    }

    @Test
    @Tag("points:2")
    @DisplayName("The pool you pass in still accepts work afterwards: map does not shut it down")
    void leavesTheCallersPoolOpen() throws Exception {
        ExecutorService pool = pools.fixed(2, new NamedThreads("a-hidden"));

        List<Pair<Integer, Integer>> results = OrderedParallelMap.map(List.of(1, 2, 3), n -> -n, pool);

        assertThat(results).containsExactly(new Pair<>(1, -1), new Pair<>(2, -2), new Pair<>(3, -3));
        assertThat(pool.isShutdown())
                .as("The pool belongs to the caller, who will use it again; map(...) shut it down. "
                        + "Use try-with-resources only on executors you create yourself.")
                .isFalse();
        Future<String> stillWorks = pool.submit(() -> "still open");
        assertThat(stillWorks.get(2, TimeUnit.SECONDS)).isEqualTo("still open");
    }
}
