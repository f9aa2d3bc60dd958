package course.threadedio;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs a blocking call on a thread of its own, so a test can watch the fakes while the call is
 * under way and then collect its result or its exception.
 */
final class Background<T> {

    private final String what;
    private final CompletableFuture<T> outcome = new CompletableFuture<>();

    private Background(String what) {
        this.what = what;
    }

    /** Starts {@code call}; {@code what} names it in failure messages, e.g. "downloadAll". */
    static <T> Background<T> start(String what, Callable<T> call) {
        Background<T> background = new Background<>(what);
        Thread thread = new Thread(() -> {
            try {
                background.outcome.complete(call.call());
            } catch (Throwable e) {
                background.outcome.completeExceptionally(e);
            }
        }, "test-caller");
        thread.setDaemon(true);
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

    /** The call's result, waiting at most {@link Waits#AT_MOST}; rethrows what the call threw. */
    T result() {
        return result("Is something waiting forever?");
    }

    /** Like {@link #result()}; {@code ifTooSlow} tells the student what a hang here usually means. */
    T result(String ifTooSlow) {
        try {
            return outcome.get(Waits.AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not return within " + Waits.AT_MOST.toSeconds()
                    + " s after everything it waits for had finished. " + ifTooSlow);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
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
