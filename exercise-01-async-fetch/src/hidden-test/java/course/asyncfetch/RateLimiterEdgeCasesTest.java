package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.failureChainOf;
import static course.asyncfetch.AsyncAssertions.returnsPromptly;
import static course.asyncfetch.Waits.eventually;
import static course.asyncfetch.AsyncAssertions.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("part:E")
@DisplayName("E. Rate limiter: edge cases")
@ExtendWith(TimelineExtension.class)
class RateLimiterEdgeCasesTest extends RateLimiterTestSupport {

    @Test
    @Tag("points:1")
    @DisplayName("a task cancelled while waiting never starts")
    void cancelledWhileWaiting() {
        var results = submitAll(rateLimiter(1), 3);
        results.get(1).cancel(true);
        advanceTo(1000);
        assertThat(remote.startedIds())
                .as("task 1 was cancelled while waiting, so at 1000 ms (one second after task 0 started) task 2 should"
                        + " start in its place; started so far: %s. A cancelled task never starts and takes no start"
                        + " from the limit", remote.startedIds())
                .containsExactly(0, 2);
        runFor(Duration.ofSeconds(3));
        assertThat(remote.startedIds()).as("task 1 was cancelled while waiting: it must never start").containsExactly(0, 2);
    }

    @Test
    @Tag("points:1")
    @DisplayName("passes each task's value or failure on")
    void passesOutcomesOn() {
        var results = submitAll(rateLimiter(10), 2);
        var boom = new IllegalStateException("task 1 failed");
        remote.complete(0);
        remote.fail(1, boom);
        assertThat(valueOf(results.get(0), "task 0 completed")).isEqualTo(FakeRemote.itemFor(0));
        assertThat(failureChainOf(results.get(1), "task 1 failed")).contains(boom);
    }

    @Test
    @Tag("points:1")
    @DisplayName("at 1 per second, starts are at least a second apart")
    void onePerSecond() {
        submitAll(rateLimiter(1), 4);
        runFor(Duration.ofMillis(3500));
        assertThat(remote.started()).as("tasks started within 3.5 s at 1 per second").isEqualTo(4);
        assertAtMostPerSecond(remote.calls(), 1);
    }

    @Test
    @Tag("points:1")
    @DisplayName("after a quiet spell, a new task starts without waiting")
    void noNeedlessWait() {
        var limiter = rateLimiter(5);
        submitAll(limiter, 5);
        runFor(Duration.ofMillis(1500));
        int before = remote.started();

        limiter.submit(() -> remote.fetch(99));

        assertThat(remote.started())
                .as("1.5 s after the last burst the limit has room again: the new task should start at once,"
                        + " not after another second")
                .isEqualTo(before + 1);
    }

    @Test
    @Tag("points:1")
    @DisplayName("a task submitted the moment a start comes free waits behind the tasks already waiting")
    void orderAtTheBoundary() {
        var limiter = rateLimiter(1);
        // Scheduled before the limiter schedules anything, so at 1000 ms it runs before the limiter's own wake-up.
        var late = new AtomicReference<CompletableFuture<String>>();
        scheduler.schedule(Duration.ofSeconds(1), () -> late.set(limiter.submit(() -> remote.fetch(2))));
        submitAll(limiter, 2);                          // task 0 starts at 0 ms, task 1 waits

        advanceTo(1000);
        assertThat(remote.startedIds())
                .as("at 1000 ms task 2 was submitted just before the limiter's wake-up ran, while task 1 had been waiting"
                        + " for a second; started so far: %s. Task 1 should get the start that came free: a new task"
                        + " that finds room must still queue behind the waiting ones (submission order)", remote.startedIds())
                .containsExactly(0, 1);
        advanceTo(2000);
        assertThat(remote.startedIds()).as("task 2 starts one second later").containsExactly(0, 1, 2);
        assertThat(late.get()).isNotNull();
    }

    @Test
    @Tag("points:0.5")
    @DisplayName("a task that is slow to start does not hold up submit() on another thread")
    void slowStartDoesNotHoldUpOtherCallers() throws Exception {
        var limiter = rateLimiter(10);
        returnsPromptly("RateLimiter.submit(...)", () -> new RateLimiter(1, scheduler).submit(CompletableFuture<String>::new));
        boolean otherSubmitReturned = SlowStart.otherSubmitReturnedMeanwhile(limiter::submit, () -> remote.fetch(0),
                () -> returnsPromptly("RateLimiter.submit(...)", () -> limiter.submit(() -> remote.fetch(1))));

        assertThat(otherSubmitReturned)
                .as("while task 0 was starting on another thread, submit() of task 1 did not return for a second: the"
                        + " task was started while holding the limiter's lock. Decide under the lock, start outside it")
                .isTrue();
        eventually(() -> assertThat(remote.started()).as("both tasks start, the limit is 10 per second").isEqualTo(2));
    }

    @Test
    @Tag("points:0.5")
    @DisplayName("50,000 waiting tasks that complete as they start: all start the moment the limit allows")
    void manyWaitingTasksThatCompleteAtOnce() {
        int count = 50_000;
        var limiter = rateLimiter(count);
        var ran = new AtomicInteger();
        List<CompletableFuture<Integer>> results = new ArrayList<>(2 * count);
        for (int i = 0; i < 2 * count; i++) {
            int value = i;
            Supplier<CompletableFuture<Integer>> task = () -> {
                ran.incrementAndGet();
                return CompletableFuture.completedFuture(value);
            };
            results.add(i == 0 ? returnsPromptly("RateLimiter.submit(...)", () -> limiter.submit(task)) : limiter.submit(task));
        }
        assertThat(ran.get())
                .as("100,000 tasks submitted at once to a limiter of 50,000 per second: the first 50,000 start now")
                .isEqualTo(count);

        StackOverflowError overflow = null;
        try {
            scheduler.advance(Duration.ofSeconds(1));
        } catch (StackOverflowError e) {
            overflow = e;
        }

        assertThat(overflow)
                .as("starting the 50,000 waiting tasks overflowed the stack after %d of them: each start calls the"
                        + " next one (recursion), one level deeper per task. Start them in a loop", ran.get() - count)
                .isNull();
        assertThat(ran.get())
                .as("one second later the other 50,000 (each completes the moment it starts) may all start, but %d"
                        + " tasks have started in all. If it stops early, each start calls the next one (recursion)"
                        + " until the stack overflows: start them in a loop", ran.get())
                .isEqualTo(2 * count);
        assertThat(results.get(2 * count - 1).getNow(-1)).as("the last task's result").isEqualTo(2 * count - 1);
    }
}
