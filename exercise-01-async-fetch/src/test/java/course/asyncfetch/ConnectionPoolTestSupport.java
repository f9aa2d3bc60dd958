package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.returnsPromptly;
import static course.asyncfetch.AsyncAssertions.valueOf;
import static course.asyncfetch.AsyncAssertions.written;
import static course.asyncfetch.Waits.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.IntStream;

/** The fakes and helpers part F's visible and hidden tests share. */
abstract class ConnectionPoolTestSupport {

    final ManualScheduler scheduler = new ManualScheduler();
    List<FakeConnection> connections;
    ConnectionPool pool;

    /** A pool of {@code size} fake connections named conn-1, conn-2, ... */
    ConnectionPool pool(int size) {
        connections = IntStream.rangeClosed(1, size).mapToObj(n -> new FakeConnection("conn-" + n)).toList();
        pool = new ConnectionPool(connections, scheduler);
        return pool;
    }

    CompletableFuture<Connection> acquire() {
        return returnsPromptly("ConnectionPool.acquire()", () -> pool.acquire());
    }

    CompletableFuture<Connection> acquire(Duration timeout) {
        return returnsPromptly("ConnectionPool.acquire(timeout)", () -> pool.acquire(timeout));
    }

    /** Acquires while a connection is free: the future must be complete at once. */
    Connection acquireFree() {
        var lease = acquire();
        assertThat(lease.isDone())
                .as("acquire() while a connection is free should complete at once, but the future is pending")
                .isTrue();
        return valueOf(lease, "acquire() while a connection is free");
    }

    void release(Connection connection) {
        written("ConnectionPool.release(...)", () -> pool.release(connection));
    }

    void close() {
        written("ConnectionPool.close()", () -> pool.close());
    }

    <T> CompletableFuture<T> withConnection(Function<? super Connection, ? extends CompletableFuture<T>> work) {
        return returnsPromptly("ConnectionPool.withConnection(...)", () -> pool.withConnection(work));
    }

    /**
     * With every other connection held by the test, checks that {@code connection} is free again:
     * the next acquire() gets it. Gives it back afterwards.
     */
    void assertComesBack(Connection connection, String after, String usualMistake) {
        var probe = acquire();
        eventually(() -> assertThat(probe.isDone())
                .as("%s, %s should be free again, but acquire() is still waiting for it: the connection leaked. %s",
                        after, connection.name(), usualMistake)
                .isTrue());
        assertThat(valueOf(probe, "acquire() after " + after)).as("the connection acquire() got").isSameAs(connection);
        release(connection);
    }

    /** Moves the clock to exactly {@code millis} (plus {@code nanos}) after the test began. */
    void advanceTo(long millis, long nanos) {
        long target = Duration.ofMillis(millis).plusNanos(nanos).toNanos();
        scheduler.advance(Duration.ofNanos(target - scheduler.elapsed().toNanos()));
    }
}
