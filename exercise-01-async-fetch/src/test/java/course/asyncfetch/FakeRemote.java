package course.asyncfetch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A remote whose fetches never finish by themselves: the test completes or fails each one, in
 * any order. It counts what a limit, a timeout or a cancellation must get right, and records each
 * fetch on the test's {@link Timeline} (with the first moment a rule the test set broke).
 */
final class FakeRemote implements AsyncRemote {

    /** One call to {@link #fetch}: which id, its future, and when it started (by the clock given). */
    record Call(int id, CompletableFuture<String> future, long startedAtNanos) {
    }

    private final LongSupplier clock;
    private final List<Call> calls = new ArrayList<>(); // guarded by this, in start order
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger cancelled = new AtomicInteger();
    // What the timeline shows and the rules it marks when they break (set by the test; recording only).
    private volatile String lanePrefix = "fetch ";
    private volatile boolean laneByCallNumber;
    private volatile int inFlightBound = Integer.MAX_VALUE;
    private volatile int startsBound = Integer.MAX_VALUE;
    private volatile String startsBoundRule;
    private volatile int perSecondBound;
    private volatile long notBeforeNanos = Long.MIN_VALUE;
    private volatile String notBeforeRule;
    private volatile boolean inIdOrder;
    private int highestId = Integer.MIN_VALUE; // guarded by this

    FakeRemote() {
        this(() -> 0L);
    }

    /** A remote that stamps each call with {@code clock}'s time, e.g. a manual scheduler's. */
    FakeRemote(LongSupplier clock) {
        this.clock = clock;
    }

    static String itemFor(int id) {
        return "item-" + id;
    }

    /**
     * A fetch's future. It leaves the in-flight count the moment it completes, before any code
     * waiting on it runs, so "in flight" never counts a fetch whose completion is being handled.
     */
    private final class TrackedFuture extends CompletableFuture<String> {
        private final AtomicBoolean finished = new AtomicBoolean();
        private volatile Timeline.Call recorded; // set before anyone else sees this future

        private boolean finish() {
            boolean first = finished.compareAndSet(false, true);
            if (first) {
                inFlight.decrementAndGet();
            }
            return first;
        }

        @Override
        public boolean complete(String value) {
            if (!finish()) {
                return false;
            }
            recorded.done();
            return super.complete(value);
        }

        @Override
        public boolean completeExceptionally(Throwable failure) {
            if (!finish()) {
                return false;
            }
            recorded.failed();
            return super.completeExceptionally(failure);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (!finish()) {
                return isCancelled();
            }
            recorded.cancelled();
            cancelled.incrementAndGet();
            return super.cancel(mayInterruptIfRunning);
        }
    }

    /** Names the timeline's lanes {@code prefix + id} (the default is "fetch 3"). */
    FakeRemote lanes(String prefix) {
        lanePrefix = prefix;
        return this;
    }

    /** Names the timeline's lanes {@code prefix + n} for the n-th call (1 = the first), e.g. "attempt 2". */
    FakeRemote lanesByCallNumber(String prefix) {
        lanePrefix = prefix;
        laneByCallNumber = true;
        return this;
    }

    /** The timeline draws {@code max} as the bound of calls in flight, and marks the first call over it. */
    FakeRemote atMostInFlight(String label, int max) {
        inFlightBound = max;
        Timeline.current().bound(label, max);
        return this;
    }

    /** The timeline marks the first call after the {@code max}-th start as breaking {@code rule}. */
    FakeRemote atMostStarts(int max, String rule) {
        startsBoundRule = rule;
        startsBound = max;
        return this;
    }

    /** The timeline marks the first start that makes {@code max} + 1 starts within one second (by the clock given). */
    FakeRemote atMostPerSecond(int max) {
        perSecondBound = max;
        return this;
    }

    /** The timeline marks a call that starts before {@code nanos} on the clock given as breaking {@code rule}. */
    void notBefore(long nanos, String rule) {
        notBeforeRule = rule;
        notBeforeNanos = nanos;
    }

    /** The timeline marks the first call whose id is lower than an id started before it (ids are submission order). */
    FakeRemote inIdOrder() {
        inIdOrder = true;
        return this;
    }

    @Override
    public CompletableFuture<String> fetch(int id) {
        TrackedFuture future = new TrackedFuture();
        int nowInFlight = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(nowInFlight, Math::max);
        long now = clock.getAsLong();
        String lane;
        int startNumber;
        long mStartsBefore = Long.MIN_VALUE;
        int highestIdBefore;
        synchronized (this) {
            startNumber = calls.size() + 1;
            lane = lanePrefix + (laneByCallNumber ? startNumber : id);
            if (perSecondBound > 0 && calls.size() >= perSecondBound) {
                mStartsBefore = calls.get(calls.size() - perSecondBound).startedAtNanos();
            }
            highestIdBefore = highestId;
            highestId = Math.max(highestId, id);
            future.recorded = Timeline.current().start(lane);
            calls.add(new Call(id, future, now));
        }
        markBrokenRules(lane, id, now, nowInFlight, startNumber, mStartsBefore, highestIdBefore);
        return future;
    }

    /** Recording only: never throws, never waits. */
    private void markBrokenRules(String lane, int id, long now, int nowInFlight, int startNumber, long mStartsBefore,
            int highestIdBefore) {
        Timeline timeline = Timeline.current();
        if (nowInFlight > inFlightBound) {
            timeline.broke(lane + " started while " + (nowInFlight - 1) + " were in flight (at most " + inFlightBound + ")");
        }
        if (startNumber > startsBound) {
            timeline.broke(lane + " started: " + startsBoundRule);
        }
        if (now < notBeforeNanos) {
            timeline.broke(lane + " started " + (notBeforeNanos - now) / 1_000_000 + " ms early: " + notBeforeRule);
        }
        if (mStartsBefore != Long.MIN_VALUE && now - mStartsBefore < 1_000_000_000L) {
            timeline.broke(lane + " started " + (now - mStartsBefore) / 1_000_000 + " ms after the start " + perSecondBound
                    + " before it: " + (perSecondBound + 1) + " starts within one second (at most " + perSecondBound + ")");
        }
        if (inIdOrder && id < highestIdBefore) {
            timeline.broke(lane + " started after a task submitted later (submission order)");
        }
    }

    /** The index-th call to start (0 = the first). */
    synchronized Call call(int index) {
        if (index >= calls.size()) {
            throw new AssertionError("the test expected fetch number " + (index + 1)
                    + " to have started, but only " + calls.size() + " started");
        }
        return calls.get(index);
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Completes the index-th started fetch with its item. */
    void complete(int index) {
        Call call = call(index);
        call.future().complete(itemFor(call.id()));
    }

    /** Completes every started fetch, the last started first. */
    void completeAllInReverse() {
        List<Call> started = calls();
        for (int i = started.size() - 1; i >= 0; i--) {
            complete(i);
        }
    }

    void fail(int index, Throwable failure) {
        call(index).future().completeExceptionally(failure);
    }

    int started() {
        synchronized (this) {
            return calls.size();
        }
    }

    int inFlight() {
        return inFlight.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    int cancelled() {
        return cancelled.get();
    }

    synchronized List<Integer> startedIds() {
        return calls.stream().map(Call::id).toList();
    }
}
