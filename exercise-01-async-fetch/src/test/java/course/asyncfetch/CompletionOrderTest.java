package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.assertPending;
import static course.asyncfetch.AsyncAssertions.failureChainOf;
import static course.asyncfetch.AsyncAssertions.returnsPromptly;
import static course.asyncfetch.AsyncAssertions.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;

@Tag("part:C")
@DisplayName("C. Completion order")
@ExtendWith(TimelineExtension.class)
class CompletionOrderTest {

    /** The inputs in the order they finished, for the timeline's check of each output. */
    private final List<RecordedInput> finished = new CopyOnWriteArrayList<>();

    /** {@code count} inputs the test finishes; the timeline shows each one ("input 2") until it finishes. */
    private List<CompletableFuture<String>> pending(int count) {
        return IntStream.range(0, count).<CompletableFuture<String>>mapToObj(RecordedInput::new).toList();
    }

    /**
     * Calls inCompletionOrder; the timeline shows each returned future ("output 0") until it completes,
     * and marks the first output that completes unlike the input that finished in its place.
     */
    private List<CompletableFuture<String>> inCompletionOrder(List<CompletableFuture<String>> inputs) {
        var ordered = returnsPromptly("CompletionOrder.inCompletionOrder(...)", () -> CompletionOrder.inCompletionOrder(inputs));
        for (int k = 0; ordered != null && k < ordered.size(); k++) {
            if (ordered.get(k) != null) {
                int place = k;
                Timeline.Call output = Timeline.current().start("output " + k);
                ordered.get(k).whenComplete((value, failure) -> recordOutput(place, output, value, failure));
            }
        }
        return ordered;
    }

    /** Recording only: never throws. */
    private void recordOutput(int place, Timeline.Call output, String value, Throwable failure) {
        if (failure == null) {
            output.done();
        } else {
            output.failed();
        }
        String seen = failure == null ? "\"" + value + "\"" : "a failure";
        if (place >= finished.size()) {
            Timeline.current().broke("output " + place + " completed (with " + seen + ") when only " + finished.size()
                    + " inputs had finished");
            return;
        }
        RecordedInput input = finished.get(place);
        boolean same = input.failure != null ? failure != null : failure == null && Objects.equals(input.value, value);
        if (!same) {
            String expected = input.failure != null ? "a failure" : "\"" + input.value + "\"";
            Timeline.current().broke("output " + place + " completed with " + seen + ", but input " + input.index
                    + ", finished in that place, gave " + expected);
        }
    }

    /** An input that records when and how it finishes, before any code waiting on it runs. */
    private final class RecordedInput extends CompletableFuture<String> {
        private final int index;
        private final Timeline.Call call;
        private volatile String value;
        private volatile Throwable failure;

        RecordedInput(int index) {
            this.index = index;
            this.call = Timeline.current().start("input " + index);
        }

        @Override
        public boolean complete(String value) {
            if (!isDone()) {
                this.value = value;
                finished.add(this);
                call.done();
            }
            return super.complete(value);
        }

        @Override
        public boolean completeExceptionally(Throwable failure) {
            if (!isDone()) {
                this.failure = failure;
                finished.add(this);
                call.failed();
            }
            return super.completeExceptionally(failure);
        }
    }

    @Test
    @Tag("points:3")
    @DisplayName("hands results on in the order the inputs finish")
    void inTheOrderTheyFinish() {
        var inputs = pending(4);
        var ordered = inCompletionOrder(inputs);

        inputs.get(2).complete("c");
        assertThat(valueOf(ordered.get(0), "one input finished"))
                .as("the first returned future should complete with the first input to finish")
                .isEqualTo("c");
        assertPending(ordered.get(1), "only one input has finished");

        inputs.get(0).complete("a");
        inputs.get(3).complete("d");
        inputs.get(1).complete("b");
        assertThat(ordered.stream().map(f -> valueOf(f, "all inputs finished")).toList())
                .as("results in the order the inputs finished (2, 0, 3, 1), not in input order")
                .containsExactly("c", "a", "d", "b");
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("passes a failure on in its place")
    void failuresKeepTheirPlace() {
        var inputs = pending(3);
        var ordered = inCompletionOrder(inputs);
        var boom = new IllegalStateException("input 1 failed");

        inputs.get(2).complete("c");
        inputs.get(1).completeExceptionally(boom);
        inputs.get(0).complete("a");

        assertThat(valueOf(ordered.get(0), "first finished")).isEqualTo("c");
        assertThat(failureChainOf(ordered.get(1), "second finished (it failed)"))
                .as("a failed input should fail the returned future of its place, with its exception (a callback that"
                        + " only sees values, like thenAccept, never hands a failure on)")
                .contains(boom);
        assertThat(valueOf(ordered.get(2), "third finished")).isEqualTo("a");
    }

    @Test
    @Tag("points:2.5")
    @DisplayName("returns at once without waiting for any input, and contains no blocking call")
    // ArchUnit reads the package's classes the first time a JVM checks them: well under a second
    // normally, but several on a machine with every core busy. The blocking check itself is bounded
    // by returnsPromptly (3 s), so only the import gets the extra time.
    @Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void neverBlocks() {
        var inputs = pending(2);
        var ordered = inCompletionOrder(inputs);

        assertThat(ordered).as("one returned future per input").hasSize(2);
        assertPending(ordered.get(0), "no input has finished");
        inputs.get(1).complete("b");
        inputs.get(0).complete("a");
        assertThat(valueOf(ordered.get(1), "both finished")).isEqualTo("a");
        NoBlockingCalls.assertNoBlockingCallsIn(CompletionOrder.class);
    }
}
