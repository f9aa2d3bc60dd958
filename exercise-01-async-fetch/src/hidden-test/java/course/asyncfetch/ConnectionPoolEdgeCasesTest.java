package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.failureChainOf;
import static course.asyncfetch.AsyncAssertions.valueOf;
import static course.asyncfetch.Waits.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("part:F")
@DisplayName("F. Connection pool: edge cases")
@ExtendWith(TimelineExtension.class)
class ConnectionPoolEdgeCasesTest extends ConnectionPoolTestSupport {

    @Test
    @Tag("points:1.5")
    @DisplayName("withConnection cancelled while the work runs: the work is cancelled and the connection comes back")
    void cancelledWhileTheWorkRuns() {
        pool(1);
        Connection only = connections.get(0);
        var stuck = new CompletableFuture<String>(); // a work that never answers by itself
        var result = withConnection(connection -> stuck);

        result.cancel(true);

        assertThat(stuck.isCancelled())
                .as("the caller cancelled the future withConnection returned while the work ran: the work's own future"
                        + " should be cancelled too (pass the cancellation on)")
                .isTrue();
        assertComesBack(only, "after the caller cancelled while the work was stuck", "Cancelling the returned"
                + " future must cancel the work's future, whose completion then releases the connection.");
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("withConnection cancelled while waiting for a connection: its work never runs, the connection goes on")
    void cancelledWhileWaiting() {
        pool(1);
        Connection only = acquireFree();
        var ran = new AtomicBoolean();
        var result = withConnection(connection -> {
            ran.set(true);
            return connection.query("too late");
        });

        result.cancel(true);
        release(only);

        assertComesBack(only, "after a caller of withConnection cancelled while still waiting", "A future made by"
                + " acquire().thenCompose(...) does not pass the cancellation back to acquire(): the pool then hands"
                + " the connection to a caller nobody listens to. Cancel the pending acquire too.");
        assertThat(ran.get()).as("the work of a caller who cancelled before it got a connection must never run").isFalse();
    }

    @Test
    @Tag("points:1")
    @DisplayName("20,000 callers whose work completes at once: every one gets the connection in turn")
    void manyCallersWhoseWorkCompletesAtOnce() {
        int count = 20_000;
        pool(1);
        Connection only = acquireFree();
        var ran = new AtomicInteger();
        List<CompletableFuture<Integer>> results = new ArrayList<>(count);
        results.add(withConnection(connection -> CompletableFuture.completedFuture(ran.incrementAndGet())));
        for (int i = 1; i < count; i++) {
            results.add(pool.withConnection(connection -> CompletableFuture.completedFuture(ran.incrementAndGet())));
        }

        release(only);

        eventually(() -> assertThat(ran.get())
                .as("after the connection was released, %d of %d waiting callers ran their work (each completes the"
                        + " moment it starts); all should. If it stops after a few thousand, each release hands the"
                        + " connection over from inside the previous caller's completion: the calls nest one level"
                        + " deeper per caller until a StackOverflowError, which the future swallows, loses the"
                        + " connection. Hand connections over in a loop; a release that finds a hand-over already"
                        + " running leaves the connection to that loop", ran.get(), count)
                .isEqualTo(count));
        assertThat(valueOf(results.get(count - 1), "every caller ran")).isEqualTo(count);
        assertComesBack(only, "after 20,000 callers", "");
    }

    @Test
    @Tag("points:1")
    @DisplayName("a connection is handed over outside the pool's lock: the caller's code may use the pool from another thread")
    void handOverOutsideTheLock() throws Exception {
        pool(1);
        Connection only = acquireFree();
        var otherCallReturned = new AtomicBoolean();
        var waiter = acquire();
        var reacted = waiter.thenAccept(connection -> {
            // The caller reacts to getting the connection; meanwhile another thread calls the pool.
            var done = new CountDownLatch(1);
            Thread.ofPlatform().name("other-caller").start(() -> {
                pool.acquire();
                done.countDown();
            });
            try {
                otherCallReturned.set(done.await(1, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        release(only);

        eventually("the waiter should get the released connection and react", reacted::isDone);
        assertThat(otherCallReturned.get())
                .as("while a caller reacted to the connection it was handed, acquire() on another thread did not return"
                        + " for a second: the pool completed the caller's future while holding its lock, so the caller's"
                        + " code ran under the lock and every other caller waited for it. Decide under the lock,"
                        + " complete the future after leaving it")
                .isTrue();
    }

    @Test
    @Tag("points:1")
    @DisplayName("a release and a timeout at the same moment: the connection is handed over or stays free, never lost")
    void releaseRacingTheTimeout() {
        pool(1);
        Connection only = acquireFree();
        // The release is scheduled before the timeout: at 100 ms it runs first and the caller gets the connection.
        scheduler.schedule(Duration.ofMillis(100), () -> release(only));
        var servedInTime = acquire(Duration.ofMillis(100));
        advanceTo(100, 0);
        assertThat(valueOf(servedInTime, "the connection was released at the moment of the timeout, before it"))
                .as("released just before the timeout ran: the caller should have the connection, and keep it")
                .isSameAs(only);
        scheduler.advanceMillis(1_000);
        assertThat(servedInTime.isCompletedExceptionally()).as("the caller served in time stays served").isFalse();

        // Now the timeout is scheduled first: the caller fails, and the connection released right after stays free.
        var tooLate = acquire(Duration.ofMillis(100));
        scheduler.schedule(Duration.ofMillis(100), () -> release(only));
        scheduler.advanceMillis(100);
        assertThat(failureChainOf(tooLate, "the timeout ran just before the release"))
                .anyMatch(TimeoutException.class::isInstance);
        assertComesBack(only, "after a release right behind a caller's timeout", "The caller who timed out must not"
                + " receive it: check what complete(connection) returns.");
    }

    @Test
    @Tag("points:0.5")
    @DisplayName("after close: a returned connection is closed once, acquire and withConnection fail, a second close does nothing")
    void afterClose() {
        pool(2);
        Connection held = acquireFree();
        close();
        assertThat(failureChainOf(pool.withConnection(connection -> connection.query("q")), "withConnection after close()"))
                .as("withConnection on a closed pool fails (IllegalStateException)")
                .anyMatch(IllegalStateException.class::isInstance);
        close();
        release(held);
        assertThat(connections.stream().map(FakeConnection::timesClosed).toList())
                .as("times each connection was closed: the free one at close(), the held one when it came back, each once"
                        + " (a second close() closes nothing again)")
                .containsExactly(1, 1);
        assertThat(failureChainOf(pool.acquire(), "acquire() after close()")).anyMatch(IllegalStateException.class::isInstance);
    }

    @Test
    @Tag("points:0.5")
    @DisplayName("closed by a caller's own code in the middle of a hand-over: still every connection is closed exactly once")
    void closedDuringAHandOver() {
        pool(2);
        Connection first = acquireFree();
        Connection second = acquireFree();
        var firstWaiter = acquire();
        var secondWaiter = acquire();
        // The first waiter's own code gives the second connection back and closes the pool, as soon as it is
        // served: with a pool that completes callers on the releasing thread, that is inside the hand-over.
        firstWaiter.thenAccept(connection -> {
            release(second);
            close();
        });

        release(first);

        eventually(() -> assertThat(secondWaiter.isDone())
                .as("the second waiting caller: it gets the second connection, or fails because the pool was closed")
                .isTrue());
        release(valueOf(firstWaiter, "the first waiting caller"));
        if (!secondWaiter.isCompletedExceptionally()) {
            release(secondWaiter.join());
        }
        assertThat(connections.stream().map(FakeConnection::timesClosed).toList())
                .as("times each connection was closed, once all were back after close(). A connection closed twice was"
                        + " still in the free list after close(): a hand-over that was under way went on with the"
                        + " waiters and free connections close() had already dealt with. Empty both lists inside"
                        + " close()'s critical section, so that nothing is handed over after it")
                .containsExactly(1, 1);
    }

    @Test
    @Tag("points:1")
    @DisplayName("many threads using the pool at once: no connection is ever lent to two callers, every caller is served")
    void manyThreadsAtOnce() throws Exception {
        int perThread = 1_000;
        pool(3);
        acquireFree(); // checks the method is written, then gives it back
        release(connections.get(0));
        List<CompletableFuture<Integer>> results = Collections.synchronizedList(new ArrayList<>());
        var go = new CountDownLatch(1);

        try (ExecutorService completers = Executors.newFixedThreadPool(2);
             ExecutorService callers = Executors.newFixedThreadPool(4)) {
            for (int t = 0; t < 4; t++) {
                callers.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        int value = i;
                        results.add(pool.withConnection(connection -> {
                            FakeConnection fake = (FakeConnection) connection;
                            fake.use();
                            // answers a moment later on another thread, as a real connection does
                            return CompletableFuture.supplyAsync(() -> {
                                fake.done();
                                return value;
                            }, completers);
                        }));
                    }
                    return null;
                });
            }
            go.countDown();
            callers.shutdown();
            assertThat(callers.awaitTermination(3, TimeUnit.SECONDS)).as("withConnection returns at once").isTrue();
            eventually(() -> assertThat(results.stream().filter(CompletableFuture::isDone).count())
                    .as("4 threads called withConnection %d times each while works completed on 2 other threads: every"
                            + " call should complete. If some never do, a connection or a waiter was lost: change the"
                            + " free connections, the lent ones and the waiters together, under one lock", perThread)
                    .isEqualTo(4L * perThread));
        }
        assertThat(results.stream().filter(result -> !result.isCompletedExceptionally()).count())
                .as("calls that completed with their work's value").isEqualTo(4L * perThread);
        assertThat(connections.stream().map(FakeConnection::mostUsersAtOnce).toList())
                .as("most callers using each connection at the same time: a connection lent to two callers at once"
                        + " means the pool handed it out twice")
                .allMatch(most -> most <= 1);
    }
}
