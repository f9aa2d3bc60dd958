package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.assertPending;
import static course.asyncfetch.AsyncAssertions.failureChainOf;
import static course.asyncfetch.AsyncAssertions.valueOf;
import static course.asyncfetch.Waits.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;

@Tag("part:F")
@DisplayName("F. Connection pool")
@ExtendWith(TimelineExtension.class)
class ConnectionPoolTest extends ConnectionPoolTestSupport {

    @Test
    @Tag("points:1")
    @DisplayName("acquire completes at once while a connection is free, and lends each connection to one caller")
    void acquireWhileFree() {
        pool(2);
        Connection first = acquireFree();
        Connection second = acquireFree();
        assertThat(second).as("two callers holding connections at once must hold different ones").isNotSameAs(first);

        var third = acquire();
        assertPending(third, "both connections are lent out");
        release(first);
        eventually(() -> assertThat(third.isDone())
                .as("a connection was released while a caller waited: it should go to that caller at once").isTrue());
        assertThat(valueOf(third, "the released connection")).isSameAs(first);
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("callers wait in arrival order: each released connection goes to the longest-waiting caller")
    void arrivalOrder() {
        pool(1);
        Connection only = acquireFree();
        List<CompletableFuture<Connection>> waiters = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waiters.add(acquire());
        }

        for (int k = 0; k < waiters.size(); k++) {
            release(only);
            int served = k;
            eventually(() -> assertThat(waiters.get(served).isDone())
                    .as("after %d releases, the waiters who got the connection are %s; expected waiters 0 to %d, in the"
                            + " order they called acquire(). A set of waiters (or a stack) serves them out of order:"
                            + " keep them in a FIFO queue", served + 1, servedSoFar(waiters), served)
                    .isTrue());
            for (int later = served + 1; later < waiters.size(); later++) {
                assertPending(waiters.get(later), "waiter " + later + " came after waiter " + served);
            }
        }
    }

    private static List<Integer> servedSoFar(List<CompletableFuture<Connection>> waiters) {
        List<Integer> served = new ArrayList<>();
        for (int i = 0; i < waiters.size(); i++) {
            if (waiters.get(i).isDone()) {
                served.add(i);
            }
        }
        return served;
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("acquire returns at once when no connection is free, and the pool contains no blocking call")
    // ArchUnit reads the package's classes the first time a JVM checks them: well under a second
    // normally, but several on a machine with every core busy. The blocking check itself is bounded
    // by returnsPromptly (3 s), so only the import gets the extra time.
    @Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void neverBlocks() {
        pool(1);
        Connection only = acquireFree();
        var waiting = acquire();
        var waitingWithTimeout = acquire(Duration.ofSeconds(5));
        var work = withConnection(connection -> connection.query("q"));
        assertPending(waiting, "the only connection is lent out");
        assertPending(waitingWithTimeout, "the only connection is lent out and the timeout has not passed");
        assertPending(work, "the work needs the connection that is lent out");

        release(only);
        assertThat(valueOf(waiting, "the first waiter got the released connection")).isSameAs(only);
        NoBlockingCalls.assertNoBlockingCallsIn(ConnectionPool.class);
    }

    @Test
    @Tag("points:2")
    @DisplayName("withConnection releases the connection however the work ends: a value, a failure, or a throw")
    void withConnectionAlwaysReleases() {
        pool(1);
        Connection only = connections.get(0);

        var answering = new CompletableFuture<String>();
        var answered = withConnection(connection -> answering);
        answering.complete("answer");
        assertThat(valueOf(answered, "the work completed")).as("withConnection completes like its work").isEqualTo("answer");
        assertComesBack(only, "after the work completed with a value", "Release it when the work's future completes.");

        var failing = new CompletableFuture<String>();
        var failed = withConnection(connection -> failing);
        var boom = new IllegalStateException("the query failed");
        failing.completeExceptionally(boom);
        assertThat(failureChainOf(failed, "the work failed")).as("withConnection fails like its work").contains(boom);
        assertComesBack(only, "after the work failed", "Release it however the work ends (whenComplete or"
                + " handle), not only on success (thenApply, thenAccept, thenCompose).");

        var thrown = new IllegalStateException("the work threw");
        CompletableFuture<String> threw = withConnection(connection -> {
            throw thrown;
        });
        assertThat(failureChainOf(threw, "the work threw instead of returning a future"))
                .as("a work that throws fails the future withConnection returned (it must not escape)").contains(thrown);
        assertComesBack(only, "after the work threw instead of returning a future", "Catch what the work throws and"
                + " release the connection then too.");
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("acquire with a timeout fails at the timeout, and the connection freed later goes to the next caller")
    void acquireTimesOut() {
        pool(1);
        Connection only = acquireFree();
        scheduler.advanceMillis(250); // the clock has been running: the timeout counts from the call

        var impatient = acquire(Duration.ofMillis(100));
        advanceTo(350, -1);
        assertPending(impatient, "the timeout of 100 ms has not passed yet on the scheduler's clock");
        advanceTo(350, 0);
        assertThat(failureChainOf(impatient, "100 ms passed without a free connection"))
                .as("acquire(timeout) should fail with a java.util.concurrent.TimeoutException once the timeout passes"
                        + " on the TaskScheduler")
                .anyMatch(TimeoutException.class::isInstance);

        var patient = acquire();
        release(only);
        eventually(() -> assertThat(patient.isDone())
                .as("the caller who timed out gave up; the connection released afterwards should go to the next"
                        + " caller, but that caller is still waiting: the connection went to the caller who had given"
                        + " up. Hand a connection over with complete(connection) and check what it returns (false:"
                        + " that caller is gone, try the next); a timeout future of your own raced against acquire()"
                        + " (applyToEither) loses the connection the same way")
                .isTrue());
        assertThat(valueOf(patient, "the next caller")).isSameAs(only);
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("a caller who cancelled while waiting never receives a connection: it goes to the next caller")
    void cancelledWaiter() {
        pool(1);
        Connection only = acquireFree();
        var gaveUp = acquire();
        var next = acquire();
        gaveUp.cancel(true);

        release(only);

        eventually(() -> assertThat(next.isDone())
                .as("the first waiter cancelled its future, so the released connection should go to the second; it"
                        + " is still waiting: the connection was handed to the cancelled future and is lost."
                        + " complete(connection) returns false for a future that is already done: then try the next")
                .isTrue());
        assertThat(valueOf(next, "the second waiter")).isSameAs(only);
        assertThat(gaveUp.isCancelled()).as("the waiter who gave up stays cancelled").isTrue();
    }

    @Test
    @Tag("points:1")
    @DisplayName("releasing a connection twice, or one the pool did not lend, is an error, and the pool stays sound")
    void wrongReleases() {
        pool(2);
        Connection first = acquireFree();
        release(first);

        Throwable twice = catchThrowable(() -> release(first));
        assertThat(twice)
                .as("%s was released twice: the second release should throw an IllegalStateException (the pool must"
                        + " know which connections it lent out, e.g. a set of lent connections)", first.name())
                .isInstanceOfAny(IllegalStateException.class, IllegalArgumentException.class);
        Throwable stranger = catchThrowable(() -> release(new FakeConnection("stranger")));
        assertThat(stranger)
                .as("releasing a connection this pool never lent should throw an IllegalStateException")
                .isInstanceOfAny(IllegalStateException.class, IllegalArgumentException.class);

        Connection a = acquireFree();
        Connection b = acquireFree();
        var third = acquire();
        assertThat(b).as("the pool has 2 connections; the wrong releases must not add any").isNotSameAs(a);
        assertPending(third, "a pool of 2 has lent out both connections (the double release must not count twice)");
    }

    @Test
    @Tag("points:1")
    @DisplayName("close fails every waiting caller, and acquire after close fails")
    void closeFailsWaiters() {
        pool(1);
        acquireFree();
        var waiter = acquire();
        var waitingWork = withConnection(connection -> connection.query("never"));

        close();

        assertThat(failureChainOf(waiter, "the pool was closed while this caller waited"))
                .as("closing the pool should fail the callers still waiting (an IllegalStateException), not leave them"
                        + " waiting for ever")
                .anyMatch(IllegalStateException.class::isInstance);
        assertThat(failureChainOf(waitingWork, "the pool was closed while this work waited for a connection"))
                .anyMatch(IllegalStateException.class::isInstance);
        assertThat(failureChainOf(pool.acquire(), "acquire() after close()"))
                .as("acquire() on a closed pool returns a failed future (IllegalStateException)")
                .anyMatch(IllegalStateException.class::isInstance);
    }

    @Test
    @Tag("points:1")
    @DisplayName("close closes a free connection at once and a lent one when it comes back, each exactly once")
    void closeClosesEachOnce() {
        pool(3);
        Connection held = acquireFree();
        var working = new CompletableFuture<String>();
        var inUse = new AtomicReference<Connection>();
        var work = withConnection(connection -> {
            inUse.set(connection);
            return working;
        });
        assertThat(inUse.get()).as("withConnection runs the work at once while a connection is free").isNotNull();
        FakeConnection idle = connections.stream().filter(c -> c != held && c != inUse.get()).findFirst().orElseThrow();

        close();
        assertThat(connections.stream().map(FakeConnection::timesClosed).toList())
                .as("times each connection was closed right after close(), with %s held by a caller and another in"
                        + " use by a work: only the free one may be closed now — a connection in use is closed when it"
                        + " comes back", held.name())
                .containsExactlyInAnyOrder(0, 0, 1);
        assertThat(idle.timesClosed()).as("connection %s was free at close()", idle.name()).isEqualTo(1);

        release(held);
        working.complete("done");
        assertThat(valueOf(work, "the work finished after close()")).isEqualTo("done");
        assertThat(connections.stream().map(FakeConnection::timesClosed).toList())
                .as("times each connection was closed once all came back: each exactly once")
                .containsExactly(1, 1, 1);
        close();
        assertThat(connections.stream().map(FakeConnection::timesClosed).toList())
                .as("after a second close(): still each exactly once").containsExactly(1, 1, 1);
    }
}
