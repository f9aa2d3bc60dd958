package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.failureChainOf;
import static course.asyncfetch.AsyncAssertions.returnsPromptly;
import static course.asyncfetch.AsyncAssertions.valueOf;
import static course.asyncfetch.Waits.eventually;
import static course.asyncfetch.Waits.staysSo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part:A")
@DisplayName("A. Batch fetch: edge cases")
class BatchFetchEdgeCasesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeRemote remote = new FakeRemote();

    private CompletableFuture<List<String>> fetchAll(List<Integer> ids, ConcurrencyLimiter limiter) {
        return returnsPromptly("BatchFetch.fetchAll(...)",
                () -> BatchFetch.fetchAll(remote, ids, limiter, TIMEOUT, scheduler));
    }

    @Test
    @Tag("points:2")
    @DisplayName("an empty batch completes at once with an empty list")
    void emptyBatch() {
        var batch = fetchAll(List.of(), ManualLimiter.startingEverything());
        eventually("a batch of no ids completes at once: there is nothing to fetch, so nothing to wait for", batch::isDone);
        assertThat(valueOf(batch, "nothing to fetch")).as("items of an empty batch").isEmpty();
    }

    @Test
    @Tag("points:2")
    @DisplayName("the same id asked twice keeps both of its positions")
    void duplicateIds() {
        var batch = fetchAll(List.of(4, 4, 2, 4), ManualLimiter.startingEverything());
        remote.completeAllInReverse();
        assertThat(valueOf(batch, "all fetched"))
                .as("one item per position of ids, even when an id repeats (a map keyed by id loses positions)")
                .containsExactly("item-4", "item-4", "item-2", "item-4");
    }

    @Test
    @Tag("points:2")
    @DisplayName("a fetch that finishes after the timeout does not change the outcome")
    void lateCompletionAfterTimeout() {
        var batch = fetchAll(List.of(1, 2, 3), ManualLimiter.startingEverything());
        remote.complete(0);
        remote.complete(1);
        scheduler.advance(TIMEOUT);
        remote.complete(2);

        eventually(() ->
                assertThat(failureChainOf(batch, "timed out before fetch 3 finished"))
                        .as("the batch timed out before the last fetch finished; it must stay failed with a TimeoutException")
                        .anyMatch(TimeoutException.class::isInstance));
        assertThat(remote.cancelled()).as("fetches cancelled at the timeout (only one was still running)").isEqualTo(1);
    }

    @Test
    @Tag("points:2")
    @DisplayName("a failure also cancels the fetches still queued: they never start")
    void failureCancelsQueued() {
        var limiter = ManualLimiter.holdingEverything();
        var batch = fetchAll(List.of(1, 2, 3, 4, 5), limiter);
        limiter.startNext(2);
        remote.fail(0, new IllegalStateException("fetch 1 failed"));

        eventually("the batch fails as soon as fetch 1 has failed", batch::isDone);
        eventually(() ->
                assertThat(remote.cancelled()).as("the other running fetch is cancelled").isEqualTo(1));
        limiter.startAllWaiting();
        staysSo(() ->
                assertThat(remote.started())
                        .as("after a failure, the queued fetches' futures should be cancelled so they never start")
                        .isEqualTo(2));
    }

    @Test
    @Tag("points:2")
    @DisplayName("a batch done in time stays done: the timeout passing later cancels nothing")
    void doneInTime() {
        var batch = fetchAll(List.of(1, 2), ManualLimiter.startingEverything());
        remote.completeAllInReverse();
        scheduler.advance(TIMEOUT.multipliedBy(2));

        assertThat(valueOf(batch, "done before the timeout")).containsExactly("item-1", "item-2");
        assertThat(remote.cancelled()).as("fetches cancelled although every fetch had finished").isZero();
    }
}
