package course.threadedio;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs a blocking call on a thread of its own, so a test can watch the fakes while the call is
 * under way and then collect its result or its exception.
 */
final class Background<T> {

    private static final long POLL_NANOS = 200_000;

    private final String what;
    private final CompletableFuture<T> outcome = new CompletableFuture<>();
    private volatile Thread thread;
    private volatile long endedAtNanos;

    private Background(String what) {
        this.what = what;
    }

    /** Starts {@code call}; {@code what} names it in failure messages, e.g. "downloadAll". */
    static <T> Background<T> start(String what, Callable<T> call) {
        Background<T> background = new Background<>(what);
        Thread thread = new Thread(() -> {
            try {
                T result = call.call();
                background.endedAtNanos = System.nanoTime();
                background.outcome.complete(result);
            } catch (Throwable e) {
                background.endedAtNanos = System.nanoTime();
                background.outcome.completeExceptionally(e);
            }
        }, "test-caller");
        thread.setDaemon(true);
        background.thread = thread;
        thread.start();
        return background;
    }

    /**
     * Waits (at most {@link Waits#AT_MOST}) until {@code condition} holds while the call is still
     * running. If the call ends first, fails at once with the call's own exception (a TODO, say)
     * or with a message saying it returned too early.
     */
    void awaitWhileRunning(String expectation, BooleanSupplier condition, Supplier<String> observed) {
        try {
            Waits.eventually(expectation, () -> condition.getAsBoolean() || outcome.isDone());
        } catch (AssertionError e) {
            throw new AssertionError("Waited " + Waits.AT_MOST.toSeconds() + " s for " + expectation
                    + ", but it did not happen: " + observed.get() + ".", e);
        }
        if (!condition.getAsBoolean()) {
            T result = resultNow();
            throw new AssertionError(what + " returned " + result + " before " + expectation
                    + " (" + observed.get() + "). It should still be waiting for the blocked calls.");
        }
    }

    /**
     * Waits until the calling thread has stopped to wait for something (it is parked: in a join, a
     * queue's put or take, a lock, a sleep), but at most {@code atMost}; a call that spins instead is
     * simply given that long. Returns whether it was seen waiting.
     */
    boolean awaitCallerBlocked(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline && !outcome.isDone()) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED) {
                return true;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return false;
    }

    /** If the call has already ended by throwing a stub's TODO, throws that TODO here. */
    void rethrowIfTodo() {
        if (outcome.isCompletedExceptionally() && outcome.exceptionNow() instanceof UnsupportedOperationException todo
                && String.valueOf(todo.getMessage()).startsWith("TODO")) {
            throw todo;
        }
    }

    /** Interrupts the thread the call runs on. */
    void interrupt() {
        thread.interrupt();
    }

    /** Whether the call has returned or thrown. */
    boolean isDone() {
        return outcome.isDone();
    }

    /** When the call returned or threw ({@link System#nanoTime()}); call it after {@link #result()}. */
    long endedAtNanos() {
        return endedAtNanos;
    }

    /** The call's result, waiting at most {@link Waits#AT_MOST}; rethrows what the call threw. */
    T result() {
        return result("Everything it waits for had finished: is something waiting forever?");
    }

    /** Like {@link #result()}; {@code ifTooSlow} tells the student what a hang here usually means. */
    T result(String ifTooSlow) {
        try {
            return outcome.get(Waits.AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not return within " + Waits.AT_MOST.toSeconds() + " s. " + ifTooSlow);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("the test was interrupted", e);
        }
    }

    /**
     * What the call threw, waiting at most {@link Waits#AT_MOST}, or null if it returned normally.
     * A stub's TODO is rethrown as it is.
     */
    Throwable thrown(String ifTooSlow) {
        try {
            outcome.get(Waits.AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not return within " + Waits.AT_MOST.toSeconds() + " s. " + ifTooSlow);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnsupportedOperationException todo) {
                throw todo;
            }
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("the test was interrupted", e);
        }
    }

    private T resultNow() {
        try {
            return outcome.get(); // done already: does not wait
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("the test was interrupted", e);
        }
    }

    private RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new AssertionError(what + " threw " + cause, cause);
    }
}
