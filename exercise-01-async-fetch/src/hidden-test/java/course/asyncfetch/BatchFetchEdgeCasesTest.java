package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.failureChainOf;
import static course.asyncfetch.AsyncAssertions.returnsPromptly;
import static course.asyncfetch.AsyncAssertions.valueOf;
import static course.asyncfetch.Waits.eventually;
import static course.asyncfetch.Waits.staysSo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("part:A")
@DisplayName("A. Batch fetch: edge cases")
@ExtendWith(TimelineExtension.class)
class BatchFetchEdgeCasesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30); // longer than any real wait: see BatchFetchTest

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
    @Tag("points:1.5")
    @DisplayName("an empty batch completes at once with an empty list")
    void emptyBatch() {
        var batch = fetchAll(List.of(), ManualLimiter.startingEverything());
        eventually("a batch of no ids completes at once: there is nothing to fetch, so nothing to wait for", batch::isDone);
        assertThat(valueOf(batch, "nothing to fetch")).as("items of an empty batch").isEmpty();
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("the same id asked twice keeps both of its positions")
    void duplicateIds() {
        var batch = fetchAll(List.of(4, 4, 2, 4), ManualLimiter.startingEverything());
        remote.completeAllInReverse();
        assertThat(valueOf(batch, "all fetched"))
                .as("one item per position of ids, even when an id repeats (a map keyed by id loses positions)")
                .containsExactly("item-4", "item-4", "item-2", "item-4");
    }

    @Test
    @Tag("points:1.5")
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
    @Tag("points:1.5")
    @DisplayName("a failure also cancels the fetches still queued: they never start")
    void failureCancelsQueued() {
        var limiter = ManualLimiter.holdingEverything();
        var batch = fetchAll(List.of(1, 2, 3, 4, 5), limiter);
        limiter.startNext(2);
        remote.atMostStarts(2, "it was still queued when fetch 1 failed the batch, so it must never start");
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
    @Tag("points:1.5")
    @DisplayName("a batch done in time stays done: the timeout passing later cancels nothing")
    void doneInTime() {
        var batch = fetchAll(List.of(1, 2), ManualLimiter.startingEverything());
        remote.completeAllInReverse();
        scheduler.advance(TIMEOUT.multipliedBy(2));

        assertThat(valueOf(batch, "done before the timeout")).containsExactly("item-1", "item-2");
        assertThat(remote.cancelled()).as("fetches cancelled although every fetch had finished").isZero();
    }

    @Test
    @Tag("points:0.5")
    @DisplayName("a failure, with a limiter that fills a freed slot at once: no queued fetch starts")
    void failureWithALimiterThatFillsFreedSlots() {
        var limiter = ManualLimiter.refillingWhenOneEnds();
        var batch = fetchAll(List.of(1, 2, 3, 4, 5, 6), limiter);
        limiter.startNext(3);
        remote.atMostStarts(3, "it was still queued when fetch 1 failed the batch, so it must never start");
        remote.fail(0, new IllegalStateException("fetch 1 failed"));

        eventually("the batch fails as soon as fetch 1 has failed", batch::isDone);
        staysSo(() ->
                assertThat(remote.startedIds())
                        .as("fetches 1, 2, 3 were running and 4, 5, 6 queued when fetch 1 failed; fetches started"
                                + " in all: %s, expected [1, 2, 3]. Like a real limiter, this one gives a freed slot"
                                + " to the next queued fetch at once — so cancelling the running fetches first starts"
                                + " queued ones before you cancel them", remote.startedIds())
                        .containsExactly(1, 2, 3));
        assertThat(remote.cancelled()).as("the 2 other running fetches are cancelled").isEqualTo(2);
    }

    @Test
    @Tag("points:0.5")
    @DisplayName("fails with the failing fetch's own exception, not its cause")
    void failsWithTheFetchsOwnException() {
        var batch = fetchAll(List.of(1, 2, 3), ManualLimiter.startingEverything());
        var boom = new IOException("fetch 2 failed", new IllegalStateException("connection reset"));

        remote.fail(1, boom);

        eventually(() ->
                assertThat(failureChainOf(batch, "fetch 2 failed").get(0))
                        .as("the batch should fail with the exception fetch 2 failed with (an IOException whose cause"
                                + " is an IllegalStateException), not with its cause — calling getCause() on every"
                                + " failure unwraps one level too many; only a CompletionException wraps another")
                        .isSameAs(boom));
    }

    @Test
    @Tag("points:0.5")
    @DisplayName("20,000 fetches that answer at once: every item comes back, in order")
    void manyFetchesThatAnswerAtOnce() {
        List<Integer> ids = IntStream.range(0, 20_000).boxed().toList();
        AsyncRemote instant = id -> CompletableFuture.completedFuture(FakeRemote.itemFor(id));
        var batch = returnsPromptly("BatchFetch.fetchAll(...)",
                () -> BatchFetch.fetchAll(instant, ids, ManualLimiter.startingEverything(), TIMEOUT, scheduler));

        eventually("20,000 fetches that answered at once: the batch should be complete", batch::isDone);
        assertThat(batch.isCompletedExceptionally() ? AsyncAssertions.chain(batch.exceptionNow()) : List.<Throwable>of())
                .as("the batch of 20,000 fetches failed with %s. A StackOverflowError means one nested call per fetch"
                        + " (combining the items recursively, or the next step started from inside the last one's"
                        + " completion): collect them in a loop instead (allOf, then each future in input order)",
                        AsyncAssertions.describe(batch))
                .noneMatch(Throwable.class::isInstance);
        assertThat(valueOf(batch, "20,000 fetches answered"))
                .as("items of 20,000 fetches, in input order")
                .isEqualTo(ids.stream().map(FakeRemote::itemFor).toList());
    }

    @Test
    @Tag("points:0.5")
    @DisplayName("fetches finishing on many threads at the same moment: every item in its place")
    void fetchesFinishingOnManyThreads() throws Exception {
        int count = 2_000;
        List<Integer> ids = IntStream.range(0, count).boxed().toList();
        var batch = fetchAll(ids, ManualLimiter.startingEverything());
        var calls = remote.calls();
        var go = new CountDownLatch(1);

        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                int first = t;
                threads.submit(() -> {
                    go.await();
                    for (int i = first; i < count; i += 8) {
                        calls.get(i).future().complete(FakeRemote.itemFor(calls.get(i).id()));
                    }
                    return null;
                });
            }
            go.countDown();
        }

        eventually("2,000 fetches completed on 8 threads at once: the batch should be complete — if it never"
                + " completes, a count of finished fetches lost an update (use an AtomicInteger, or allOf)", batch::isDone);
        assertThat(valueOf(batch, "every fetch completed"))
                .as("every item in the position of its id, although the fetches finished on 8 threads at once")
                .isEqualTo(ids.stream().map(FakeRemote::itemFor).toList());
    }
}
