package course.asyncfetch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A remote whose fetches never finish by themselves: the test completes or fails each one, in
 * any order. It counts what a limit, a timeout or a cancellation must get right.
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

        private boolean finish() {
            boolean first = finished.compareAndSet(false, true);
            if (first) {
                inFlight.decrementAndGet();
            }
            return first;
        }

        @Override
        public boolean complete(String value) {
            return finish() && super.complete(value);
        }

        @Override
        public boolean completeExceptionally(Throwable failure) {
            return finish() && super.completeExceptionally(failure);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (!finish()) {
                return isCancelled();
            }
            cancelled.incrementAndGet();
            return super.cancel(mayInterruptIfRunning);
        }
    }

    @Override
    public CompletableFuture<String> fetch(int id) {
        CompletableFuture<String> future = new TrackedFuture();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        synchronized (this) {
            calls.add(new Call(id, future, clock.getAsLong()));
        }
        return future;
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
