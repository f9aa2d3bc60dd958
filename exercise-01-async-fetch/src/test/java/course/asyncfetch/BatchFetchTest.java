package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.assertPending;
import static course.asyncfetch.AsyncAssertions.failureChainOf;
import static course.asyncfetch.AsyncAssertions.returnsPromptly;
import static course.asyncfetch.AsyncAssertions.valueOf;
import static course.asyncfetch.Waits.eventually;
import static course.asyncfetch.Waits.staysSo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;

@Tag("part:A")
@DisplayName("A. Batch fetch")
@ExtendWith(TimelineExtension.class)
class BatchFetchTest {

    /**
     * The batch's timeout on the test's clock. Far longer than any real wait in a test, so a timeout
     * on a real-time timer (orTimeout, delayedExecutor) can never fire in time to pass.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeRemote remote = new FakeRemote();

    @BeforeEach
    void timelineOnTheTestsClock() {
        Timeline.current().clock(() -> scheduler.elapsed().toNanos() / 1e9);
    }

    private CompletableFuture<List<String>> fetchAll(List<Integer> ids, ConcurrencyLimiter limiter) {
        return returnsPromptly("BatchFetch.fetchAll(...)",
                () -> BatchFetch.fetchAll(remote, ids, limiter, TIMEOUT, scheduler));
    }

    @Test
    @Tag("points:2.5")
    @DisplayName("returns the items in input order even when the fetches finish in reverse order")
    void resultsInInputOrder() {
        List<Integer> ids = List.of(7, 3, 9, 1, 5, 8);
        var batch = fetchAll(ids, ManualLimiter.startingEverything());

        remote.completeAllInReverse();

        assertThat(valueOf(batch, "all fetches completed"))
                .as("items must follow the order of the ids, not the order the fetches finished"
                        + " — did you collect the items as they completed?")
                .containsExactlyElementsOf(ids.stream().map(FakeRemote::itemFor).toList());
    }

    @Test
    @Tag("points:2.5")
    @DisplayName("hands every fetch to the limiter and starts none behind its back")
    void everyFetchGoesThroughTheLimiter() {
        var limiter = ManualLimiter.holdingEverything();
        fetchAll(IntStream.rangeClosed(1, 10).boxed().toList(), limiter);

        assertThat(remote.started())
                .as("the limiter has not started anything yet, but %d fetches started: call the remote"
                        + " only from inside the task you give to limiter.submit(...)", remote.started())
                .isZero();
        assertThat(limiter.submitted())
                .as("all 10 fetches should be handed to limiter.submit(...) at once; the limiter"
                        + " decides when each one starts")
                .isEqualTo(10);

        limiter.startNext(3);
        assertThat(remote.started()).as("fetches started after the limiter started 3 tasks").isEqualTo(3);
    }

    @Test
    @Tag("points:2.5")
    @DisplayName("returns its future at once, and contains no blocking call")
    // ArchUnit reads the package's classes the first time a JVM checks them: well under a second
    // normally, but several on a machine with every core busy. The blocking check itself is bounded
    // by returnsPromptly (3 s), so only the import gets the extra time.
    @Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void neverBlocks() {
        var batch = fetchAll(List.of(1, 2, 3), ManualLimiter.startingEverything());

        assertPending(batch, "no fetch has completed yet");
        remote.completeAllInReverse();
        assertThat(valueOf(batch, "all fetches completed")).hasSize(3);
        NoBlockingCalls.assertNoBlockingCallsIn(BatchFetch.class);
    }

    @Test
    @Tag("points:3.5")
    @DisplayName("at the timeout: fails with a TimeoutException, cancels the running fetches, starts no queued one")
    void timeoutCancelsEverything() {
        scheduler.advance(Duration.ofSeconds(10)); // the clock has been running for a while: the timeout counts from the call
        var limiter = ManualLimiter.holdingEverything();
        var batch = fetchAll(IntStream.rangeClosed(1, 10).boxed().toList(), limiter);
        limiter.startNext(3);
        remote.atMostStarts(3, "it was still queued when the batch timed out, so it must never start");
        remote.complete(0);

        scheduler.advance(TIMEOUT.minusMillis(1));
        assertPending(batch, "the timeout has not passed yet on the scheduler's clock: it counts from the call");

        scheduler.advanceMillis(1);
        eventually(() ->
                assertThat(failureChainOf(batch, "the timeout has passed"))
                        .as("the batch should fail with a java.util.concurrent.TimeoutException once the timeout"
                                + " passes on the TaskScheduler — did you schedule the timeout on the scheduler given?")
                        .anyMatch(TimeoutException.class::isInstance));
        eventually(() -> assertThat(remote.cancelled())
                .as("the 2 fetches still running at the timeout should be cancelled (cancel the futures"
                        + " limiter.submit returned)")
                .isEqualTo(2));

        limiter.startAllWaiting();
        staysSo(() ->
                assertThat(remote.started())
                        .as("fetches still queued in the limiter at the timeout must never start; cancel their"
                                + " futures too, not only those of the running fetches")
                        .isEqualTo(3));
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("at the timeout, with a limiter that fills a freed slot at once: no queued fetch starts")
    void timeoutWithALimiterThatFillsFreedSlots() {
        var limiter = ManualLimiter.refillingWhenOneEnds();
        var batch = fetchAll(List.of(1, 2, 3, 4, 5), limiter);
        limiter.startNext(2);
        remote.atMostStarts(2, "it was still queued when the batch timed out, so it must never start");

        scheduler.advance(TIMEOUT);
        eventually(() ->
                assertThat(failureChainOf(batch, "the timeout has passed"))
                        .as("the batch should fail with a TimeoutException at the timeout")
                        .anyMatch(TimeoutException.class::isInstance));
        staysSo(() ->
                assertThat(remote.startedIds())
                        .as("fetches 1 and 2 were running and 3, 4, 5 queued when the batch timed out; fetches"
                                + " started in all: %s, expected [1, 2]. This limiter works like a real one: the"
                                + " moment a running fetch is cancelled, its slot goes to the next queued fetch —"
                                + " before your code has cancelled that one. Cancel the queued fetches first (the"
                                + " list from the end), or let a task that the limiter starts after the batch has"
                                + " ended return without calling the remote", remote.startedIds())
                        .containsExactly(1, 2));
        assertThat(remote.cancelled()).as("the 2 running fetches are cancelled at the timeout").isEqualTo(2);
    }

    @Test
    @Tag("points:2")
    @DisplayName("a failing fetch fails the batch with its exception and cancels the others")
    void failureFailsTheBatch() {
        var batch = fetchAll(List.of(1, 2, 3, 4, 5), ManualLimiter.startingEverything());
        var boom = new IllegalStateException("fetch 3 failed");

        remote.fail(2, boom);

        eventually(() ->
                assertThat(failureChainOf(batch, "fetch 3 failed"))
                        .as("the batch should fail with the failing fetch's exception, at once, without"
                                + " waiting for the other fetches")
                        .contains(boom));
        eventually(() -> assertThat(remote.cancelled())
                .as("once the batch has failed, the 4 other fetches are useless: cancel them")
                .isEqualTo(4));
    }
}
