package course.threadedio;

import static course.threadedio.Waits.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NotWrittenYet.class)
@ExtendWith(TimelineExtension.class)
@Tag("part:F")
@DisplayName("F. Event bus: the one-shot signal")
class OneShotSignalTest {

    @Test
    @Tag("points:1")
    @DisplayName("once set, the signal stays set: a thread that waits afterwards returns true at once, and setting it twice is harmless")
    void laterWaitersNeverBlock() throws InterruptedException {
        OneShotSignal signal = new OneShotSignal();
        assertThat(signal.isSet()).as("isSet() of a new signal").isFalse();

        signal.set();
        signal.set();

        assertThat(signal.isSet()).as("isSet() after set()").isTrue();
        Background<Boolean> late = Background.start("await(30 s) on a signal set before",
                () -> signal.await(Duration.ofSeconds(30)));
        assertThat(late.result("The signal was set before this thread began to wait, so await must find it set and"
                + " return at once. Look at the flag before waiting: wait() only hears a notifyAll() that comes"
                + " after it."))
                .as("what await(30 s) returned on a signal set before").isTrue();
        assertThat(signal.await(Duration.ZERO))
                .as("what await(Duration.ZERO) returned on a signal that is set: it only looks").isTrue();
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("8 threads waiting for the signal are all released by one set()")
    void everyWaiterIsReleased() {
        OneShotSignal signal = new OneShotSignal();
        List<Background<Boolean>> waiters = IntStream.range(0, 8)
                .mapToObj(i -> Background.start("await(10 s)", () -> recorded("waiter " + i, signal, Duration.ofSeconds(10))))
                .toList();
        long deadline = System.nanoTime() + Duration.ofMillis(500).toNanos(); // for all 8 to be waiting
        waiters.forEach(waiter -> waiter.awaitCallerBlocked(Duration.ofNanos(deadline - System.nanoTime())));
        waiters.forEach(Background::rethrowIfTodo);
        assertThat(waiters.stream().filter(Background::isDone).count())
                .as("waiters that returned before anybody set the signal: await must wait for set() or its timeout")
                .isZero();

        Timeline.current().start("set()").done();
        signal.set();

        eventually(() -> assertThat(waiters.stream().filter(Background::isDone).count())
                .as("waiters (of 8) released by one set(). Every waiting thread must wake up: notifyAll(), not"
                        + " notify() (which wakes one of them); signalAll() on a Condition; or a CountDownLatch")
                .isEqualTo(8));
        for (Background<Boolean> waiter : waiters) {
            assertThat(waiter.result()).as("what await returned to a waiter once the signal was set").isTrue();
        }
    }

    @Test
    @Tag("points:1")
    @DisplayName("await on a signal nobody sets returns false when its timeout runs out: not sooner, and not never")
    void timeoutRunsOut() {
        OneShotSignal signal = new OneShotSignal();
        Background<Waited> waiter = Background.start("await(200 ms)", () -> {
            long start = System.nanoTime();
            boolean result = recorded("waiter", signal, Duration.ofMillis(200));
            return new Waited(result, (System.nanoTime() - start) / 1_000_000);
        });

        Waited waited = waiter.result("await(200 ms) on a signal nobody sets must give up after 200 ms and return"
                + " false: wait with the time limit (wait(millis) in a loop until the deadline, a Condition's"
                + " awaitNanos, CountDownLatch.await(timeout, unit)), never without one.");

        assertThat(waited.result()).as("what await(200 ms) returned on a signal nobody set").isFalse();
        assertThat(waited.millis())
                .as("milliseconds await(200 ms) waited before it returned false. It must wait the whole timeout;"
                        + " a wait can also end early without a set() (a spurious wake-up), so wait in a loop"
                        + " until the signal is set or the deadline has passed")
                .isGreaterThanOrEqualTo(190);
    }

    /** {@code signal.await(timeout)}, a lane of the timeline: done when it returns true, failed when false. */
    static boolean recorded(String lane, OneShotSignal signal, Duration timeout) throws InterruptedException {
        Timeline.Call call = Timeline.current().start(lane);
        try {
            boolean set = signal.await(timeout);
            if (set) {
                call.done();
            }
            return set;
        } finally {
            call.failed(); // the first outcome counts
        }
    }

    private record Waited(boolean result, long millis) {
    }
}
