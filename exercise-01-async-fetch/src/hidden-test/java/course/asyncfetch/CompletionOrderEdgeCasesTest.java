package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.returnsPromptly;
import static course.asyncfetch.AsyncAssertions.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("part:C")
@DisplayName("C. Completion order: edge cases")
@ExtendWith(TimelineExtension.class)
class CompletionOrderEdgeCasesTest {

    @Test
    @Tag("points:1")
    @DisplayName("no inputs give no outputs")
    void empty() {
        List<CompletableFuture<String>> none = List.of();
        assertThat(returnsPromptly("inCompletionOrder(empty list)", () -> CompletionOrder.inCompletionOrder(none))).isEmpty();
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("inputs finished before the call are all handed on")
    void alreadyFinished() {
        var inputs = List.of(CompletableFuture.completedFuture("a"), CompletableFuture.completedFuture("b"), new CompletableFuture<String>());
        var ordered = returnsPromptly("CompletionOrder.inCompletionOrder(...)", () -> CompletionOrder.inCompletionOrder(inputs));
        inputs.get(2).complete("c");

        assertThat(ordered.stream().map(f -> valueOf(f, "every input finished")).toList())
                .as("inputs already finished count as finished first (in any order between them)")
                .hasSize(3)
                .endsWith("c")
                .containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    @Tag("points:2")
    @DisplayName("inputs finishing on many threads at once: every result is handed on exactly once")
    void manyThreadsAtOnce() throws Exception {
        // A lost update needs two threads inside the same ++ at the same moment: rare in one round on a
        // busy machine, so the rounds repeat (each takes a few milliseconds on a correct solution).
        for (int round = 1; round <= 20; round++) {
            handsEveryResultOnOnce(round);
        }
    }

    private static void handsEveryResultOnOnce(int round) throws Exception {
        int count = 2_000;
        List<CompletableFuture<Integer>> inputs = Stream.generate(CompletableFuture<Integer>::new).limit(count).toList();
        var ordered = returnsPromptly("CompletionOrder.inCompletionOrder(...)", () -> CompletionOrder.inCompletionOrder(inputs));
        var go = new CountDownLatch(1);

        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                int first = t;
                threads.submit(() -> {
                    go.await();
                    for (int i = first; i < count; i += 8) {
                        inputs.get(i).complete(i);
                    }
                    return null;
                });
            }
            go.countDown();
        }

        assertThat(ordered.stream().map(f -> valueOf(f, "all inputs finished")).toList())
                .as("round %d: when inputs finish on several threads at once, each must get its own output slot:"
                        + " a plain int index (or a non-thread-safe list) loses or repeats results; use an AtomicInteger",
                        round)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, count).boxed().toList());
    }

    @Test
    @Tag("points:0.5")
    @DisplayName("a consumer that reacts to each result at once: every result is handed on exactly once")
    void consumerThatReactsAtOnce() {
        int count = 50;
        List<CompletableFuture<Integer>> inputs = Stream.generate(CompletableFuture<Integer>::new).limit(count).toList();
        var ordered = returnsPromptly("CompletionOrder.inCompletionOrder(...)", () -> CompletionOrder.inCompletionOrder(inputs));
        // The consumer completes the next input from inside its reaction to each result, on the same
        // thread: the next input finishes while the previous one is still being handed on.
        for (int k = 0; k + 1 < count; k++) {
            int next = k + 1;
            ordered.get(k).whenComplete((value, failure) -> inputs.get(next).complete(next));
        }

        inputs.get(0).complete(0);

        assertThat(ordered.stream().map(f -> f.isDone() ? String.valueOf(f.getNow(null)) : "pending").toList())
                .as("each result, handed on, made the consumer finish the next input at once (on the same thread)."
                        + " Expected 0, 1, 2, ... each in its own slot. A slot taken by reading the count and"
                        + " increasing it only after completing the slot gives the next finisher the same slot")
                .isEqualTo(IntStream.range(0, count).mapToObj(String::valueOf).toList());
    }
}
