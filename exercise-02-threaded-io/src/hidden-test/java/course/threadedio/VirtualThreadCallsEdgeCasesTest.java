package course.threadedio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part:E")
@DisplayName("E. Virtual threads: edge cases")
class VirtualThreadCallsEdgeCasesTest {

    @Test
    @Tag("points:3")
    @DisplayName("the answers come back in request order, even when the calls finish in reverse order")
    void answersInRequestOrder() throws Exception {
        int calls = 20;
        CountDownLatch allInFlight = new CountDownLatch(calls);
        CountDownLatch[] finished = IntStream.rangeClosed(0, calls).mapToObj(i -> new CountDownLatch(1))
                .toArray(CountDownLatch[]::new);
        finished[calls].countDown(); // the last call waits for nobody
        SlowService reverse = request -> {
            try {
                allInFlight.countDown();
                allInFlight.await(Waits.AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
                finished[request + 1].await(Waits.AT_MOST.toMillis(), TimeUnit.MILLISECONDS); // after the next one
                return GatedSlowService.answerTo(request);
            } finally {
                finished[request].countDown();
            }
        };

        List<String> answers = VirtualThreadCalls.callAll(reverse, calls);

        assertThat(answers).as("the answers; call 19 finished first and call 0 last")
                .containsExactlyElementsOf(IntStream.range(0, calls).mapToObj(GatedSlowService::answerTo).toList());
    }

    @Test
    @Tag("points:1")
    @DisplayName("no calls: an empty list")
    void noCalls() throws Exception {
        assertThat(VirtualThreadCalls.callAll(new GatedSlowService(1), 0)).as("the answers to 0 calls").isEmpty();
    }

    @Test
    @Tag("points:2")
    @DisplayName("a failing call is reported as an ExecutionException with the call's exception as its cause")
    void failingCall() {
        SlowService failsOnSeven = request -> {
            if (request == 7) {
                throw new IllegalStateException("call 7 failed");
            }
            return GatedSlowService.answerTo(request);
        };

        Throwable thrown = catchThrowable(() -> VirtualThreadCalls.callAll(failsOnSeven, 50));

        if (thrown instanceof UnsupportedOperationException todo) {
            throw todo;
        }
        assertThat(thrown).as("what callAll threw when call 7 failed").isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).as("its cause").isInstanceOf(IllegalStateException.class)
                .hasMessage("call 7 failed");
    }
}
