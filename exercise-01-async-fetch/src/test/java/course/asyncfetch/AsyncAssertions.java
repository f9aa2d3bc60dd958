package course.asyncfetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** Assertions the exercise's tests share: "returns at once", "still pending", "failed with". */
final class AsyncAssertions {

    private static final Duration PROMPTLY = Waits.AT_MOST;

    /**
     * Runs {@code call} and fails if it does not return promptly. Async code returns its future at
     * once; a call that waits is blocking a thread. A stub not written yet (it throws, or returns a
     * future failed with, "TODO: ...") fails with "... is not written yet: TODO ...".
     */
    static <T> T returnsPromptly(String what, Supplier<T> call) {
        T result;
        try {
            result = assertTimeoutPreemptively(PROMPTLY, call::get, () -> what + " did not return within "
                    + PROMPTLY.toSeconds() + " s although nothing it depends on has completed: it is blocking"
                    + " (join(), get(), Semaphore.acquire(), sleep(), ...). Return the future at once and"
                    + " react to completion with thenApply/thenCompose/whenComplete instead.");
        } catch (UnsupportedOperationException todo) {
            throw notWrittenYetOr(what, todo);
        }
        if (result instanceof CompletableFuture<?> future && future.isCompletedExceptionally() && !future.isCancelled()
                && future.exceptionNow() instanceof UnsupportedOperationException todo && isTodo(todo)) {
            throw new AssertionError(what + " is not written yet: " + todo.getMessage());
        }
        return result;
    }

    /** Runs {@code call} (a method that returns nothing), turning a stub's "TODO: ..." into "... is not written yet". */
    static void written(String what, Runnable call) {
        try {
            call.run();
        } catch (UnsupportedOperationException todo) {
            throw notWrittenYetOr(what, todo);
        }
    }

    private static RuntimeException notWrittenYetOr(String what, UnsupportedOperationException thrown) {
        if (isTodo(thrown)) {
            throw new AssertionError(what + " is not written yet: " + thrown.getMessage());
        }
        return thrown;
    }

    private static boolean isTodo(UnsupportedOperationException failure) {
        return String.valueOf(failure.getMessage()).startsWith("TODO");
    }

    /** The future must not be complete yet; says what it completed with if it is. */
    static void assertPending(CompletableFuture<?> future, String why) {
        assertThat(future.isDone())
                .as("the future should still be pending (%s), but it is already complete: %s", why, describe(future))
                .isFalse();
    }

    /** The future must have completed normally; returns its value. */
    static <T> T valueOf(CompletableFuture<T> future, String what) {
        assertThat(future.isDone()).as("%s: the future should be complete by now, but it is still pending", what).isTrue();
        assertThat(future.isCompletedExceptionally())
                .as("%s: the future should have a value, but it failed: %s", what, describe(future))
                .isFalse();
        return future.resultNow();
    }

    /** The future must have failed; returns the chain of causes (outermost first). */
    static List<Throwable> failureChainOf(CompletableFuture<?> future, String what) {
        assertThat(future.isDone()).as("%s: the future should have failed by now, but it is still pending", what).isTrue();
        assertThat(future.isCompletedExceptionally())
                .as("%s: the future should have failed, but it completed with %s", what, describe(future))
                .isTrue();
        try {
            future.get();
            throw new AssertionError("unreachable");
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            return chain(e instanceof ExecutionException ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    static String describe(CompletableFuture<?> future) {
        if (!future.isDone()) {
            return "pending";
        }
        if (future.isCancelled()) {
            return "cancelled";
        }
        if (future.isCompletedExceptionally()) {
            Throwable failure = future.exceptionNow();
            return "failed with " + failure;
        }
        return "value " + future.resultNow();
    }

    private AsyncAssertions() {
    }
}
