package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.returnsPromptly;
import static course.asyncfetch.AsyncAssertions.valueOf;
import static course.asyncfetch.AsyncAssertions.written;
import static course.asyncfetch.Waits.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The fakes and helpers part F's visible and hidden tests share. The timeline shows each lease the
 * test holds (from the moment acquire() hands a connection over until the test releases it) and each
 * work withConnection runs, one lane per use named after its connection, in real elapsed time (most
 * of these tests happen at one instant of the scheduler's clock); it marks the first connection
 * acquire() hands to a second caller while the first still holds it.
 */
abstract class ConnectionPoolTestSupport {

    final ManualScheduler scheduler = new ManualScheduler();
    List<FakeConnection> connections;
    ConnectionPool pool;
    // Recording only: the leases the test holds, its callers still waiting, the connections it gave back.
    private final Map<Connection, Timeline.Call> leases = new ConcurrentHashMap<>();
    private final List<CompletableFuture<Connection>> callers = new CopyOnWriteArrayList<>();
    private final Set<Connection> givenBack = ConcurrentHashMap.newKeySet();

    /** A pool of {@code size} fake connections named conn-1, conn-2, ... */
    ConnectionPool pool(int size) {
        connections = IntStream.rangeClosed(1, size).mapToObj(n -> new FakeConnection("conn-" + n)).toList();
        Timeline.current().bound("connections in use", size);
        pool = new ConnectionPool(connections, scheduler);
        return pool;
    }

    CompletableFuture<Connection> acquire() {
        return recordLease(returnsPromptly("ConnectionPool.acquire()", () -> pool.acquire()));
    }

    CompletableFuture<Connection> acquire(Duration timeout) {
        return recordLease(returnsPromptly("ConnectionPool.acquire(timeout)", () -> pool.acquire(timeout)));
    }

    /**
     * Recording only: caller n's lease ("caller 2: conn-1") starts when the connection is handed over and
     * ends when the test releases it; a connection handed to a second caller, or to a caller while an
     * earlier one still waits, is marked.
     */
    private CompletableFuture<Connection> recordLease(CompletableFuture<Connection> lease) {
        if (lease == null) {
            return null;
        }
        int caller = callers.size();
        callers.add(lease);
        lease.whenComplete((connection, failure) -> {
            if (connection == null) {
                return;
            }
            givenBack.remove(connection);
            Timeline.Call call = Timeline.current().start("caller " + caller + ": " + connection.name());
            if (leases.putIfAbsent(connection, call) != null) {
                Timeline.current().broke(connection.name() + " handed to caller " + caller + " while another caller still held it");
            }
            for (int earlier = 0; earlier < caller; earlier++) {
                if (!callers.get(earlier).isDone()) {
                    Timeline.current().broke("caller " + caller + " got " + connection.name() + " while caller " + earlier
                            + ", who came earlier, still waited");
                    break;
                }
            }
        });
        return lease;
    }

    private static void end(Timeline.Call call, Throwable failure) {
        if (failure == null) {
            call.done();
        } else if (failure instanceof CancellationException || failure.getCause() instanceof CancellationException) {
            call.cancelled();
        } else {
            call.failed();
        }
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
        Timeline.Call lease = connection == null ? null : leases.remove(connection);
        if (lease != null) {
            lease.done(); // before the pool hands the connection on
        }
        boolean twice = connection != null && lease == null && givenBack.contains(connection);
        written("ConnectionPool.release(...)", () -> pool.release(connection));
        if (twice) {
            Timeline.current().broke(connection.name() + " released twice, and the pool took it back again");
        } else if (connections != null && !connections.contains(connection)) {
            Timeline.current().broke("the pool took back " + connection + ", a connection it never lent");
        }
        if (connection != null) {
            givenBack.add(connection);
        }
    }

    void close() {
        written("ConnectionPool.close()", () -> pool.close());
    }

    <T> CompletableFuture<T> withConnection(Function<? super Connection, ? extends CompletableFuture<T>> work) {
        return returnsPromptly("ConnectionPool.withConnection(...)", () -> pool.withConnection(connection -> {
            // recording only: the work's lane runs from its start until its future completes
            Timeline.Call call = Timeline.current().start((connection == null ? "no connection" : connection.name()) + " work");
            if (connection != null) {
                givenBack.remove(connection);
            }
            CompletableFuture<T> answer;
            try {
                answer = work.apply(connection);
            } catch (RuntimeException | Error e) {
                call.failed();
                throw e;
            }
            if (answer != null) {
                answer.whenComplete((value, failure) -> end(call, failure));
            }
            return answer;
        }));
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
