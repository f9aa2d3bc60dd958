package course.threadedio;

import static course.threadedio.Waits.eventually;
import static course.threadedio.Waits.staysSo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NotWrittenYet.class)
@ExtendWith(TimelineExtension.class)
@Tag("part:E")
@DisplayName("E. Virtual threads: edge cases")
class VirtualThreadCallsEdgeCasesTest {

    @Test
    @Tag("points:2")
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
    @Tag("points:0.5")
    @DisplayName("no calls: an empty list")
    void noCalls() throws Exception {
        assertThat(VirtualThreadCalls.callAll(new GatedSlowService(1), 0)).as("the answers to 0 calls").isEmpty();
    }

    @Test
    @Tag("points:1.5")
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

    @Test
    @Tag("points:1")
    @DisplayName("a failing call: callAll still returns only once every other call has ended")
    void failureWaitsForTheOtherCalls() throws Exception {
        int calls = 20;
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger waiting = new AtomicInteger();
        AtomicInteger ended = new AtomicInteger();
        SlowService service = request -> {
            try {
                if (request == 3) {
                    throw new IllegalStateException("call 3 failed");
                }
                if (request > 3) { // calls 0 to 2 answer at once, 4 to 19 wait until the test lets them finish
                    waiting.incrementAndGet();
                    finish.await(10, TimeUnit.SECONDS);
                }
                return GatedSlowService.answerTo(request);
            } finally {
                ended.incrementAndGet();
            }
        };
        Background<List<String>> call = Background.start("callAll", () -> VirtualThreadCalls.callAll(service, calls));

        eventually("all 20 calls start at once on their virtual threads: call 3 fails, calls 4 to 19 wait",
                () -> waiting.get() == calls - 4 && ended.get() >= 4 || call.isDone());
        call.rethrowIfTodo();
        try {
            staysSo(() -> assertThat(call.isDone())
                    .as("callAll came back while calls 4 to 19 were still running (call 3 had failed): %d of %d"
                            + " calls had ended. It must return only once every call has ended, on this way out"
                            + " too: the executor's close() at the end of try-with-resources waits for them",
                            ended.get(), calls)
                    .isFalse());
        } finally {
            finish.countDown();
        }
        Throwable thrown = call.thrown("Every call had ended; is something waiting forever?");

        assertThat(thrown).as("what callAll threw when call 3 failed").isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).as("its cause").hasMessage("call 3 failed");
        assertThat(ended.get()).as("calls that had ended").isEqualTo(calls);
    }
}
