package course.threadedio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NotWrittenYet.class)
@ExtendWith(TimelineExtension.class)
@Tag("part:F")
@DisplayName("F. Event bus: the one-shot signal, edge cases")
class OneShotSignalEdgeCasesTest {

    @Test
    @Tag("points:0.5")
    @DisplayName("await with a zero timeout on a signal nobody set returns false at once")
    void zeroTimeoutOnlyLooks() {
        OneShotSignal signal = new OneShotSignal();

        Background<Boolean> look = Background.start("await(Duration.ZERO)", () -> signal.await(Duration.ZERO));

        assertThat(look.result("A zero timeout means: only look. Careful: Object.wait(0) waits forever."))
                .as("what await(Duration.ZERO) returned on a signal nobody set").isFalse();
    }

    @Test
    @Tag("points:0.5")
    @DisplayName("a waiting thread that is interrupted gets an InterruptedException")
    void anInterruptedWaiterStops() {
        OneShotSignal signal = new OneShotSignal();
        Background<Boolean> waiter = Background.start("await(10 s)", () -> signal.await(Duration.ofSeconds(10)));
        waiter.awaitCallerBlocked(Duration.ofMillis(500));

        waiter.interrupt();

        Throwable thrown = waiter.thrown("The waiting thread was interrupted; await should have thrown an"
                + " InterruptedException at once instead of waiting on.");
        assertThat(thrown)
                .as("what await threw when its thread was interrupted. Let the InterruptedException out (as"
                        + " CountDownLatch.await and Object.wait throw it); catching it and waiting on swallows"
                        + " the request to stop")
                .isInstanceOf(InterruptedException.class);
        assertThat(signal.isSet()).as("isSet(): an interrupt does not set the signal").isFalse();
    }
}
