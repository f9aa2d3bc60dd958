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

@Tag("part:C")
@DisplayName("C. Completion order: edge cases")
class CompletionOrderEdgeCasesTest {

    @Test
    @Tag("points:1")
    @DisplayName("no inputs give no outputs")
    void empty() {
        List<CompletableFuture<String>> none = List.of();
        assertThat(returnsPromptly("inCompletionOrder(empty list)", () -> CompletionOrder.inCompletionOrder(none))).isEmpty();
    }

    @Test
    @Tag("points:2")
    @DisplayName("inputs finished before the call are all handed on")
    void alreadyFinished() {
        var inputs = List.of(CompletableFuture.completedFuture("a"), CompletableFuture.completedFuture("b"), new CompletableFuture<String>());
        var ordered = CompletionOrder.inCompletionOrder(inputs);
        inputs.get(2).complete("c");

        assertThat(ordered.stream().map(f -> valueOf(f, "every input finished")).toList())
                .as("inputs already finished count as finished first (in any order between them)")
                .hasSize(3)
                .endsWith("c")
                .containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    @Tag("points:3")
    @DisplayName("inputs finishing on many threads at once: every result is handed on exactly once")
    void manyThreadsAtOnce() throws Exception {
        int count = 2_000;
        List<CompletableFuture<Integer>> inputs = Stream.generate(CompletableFuture<Integer>::new).limit(count).toList();
        var ordered = CompletionOrder.inCompletionOrder(inputs);
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
                .as("when inputs finish on several threads at once, each must get its own output slot:"
                        + " a plain int index (or a non-thread-safe list) loses or repeats results; use an AtomicInteger")
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, count).boxed().toList());
    }
}
