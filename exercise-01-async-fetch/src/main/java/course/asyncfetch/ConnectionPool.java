package course.asyncfetch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Part F: a pool of connections shared by many asynchronous callers (README, part F). It is a
 * limiter that hands out things: a caller waits, without blocking a thread, until a connection is
 * free, uses it, and gives it back.
 */
public final class ConnectionPool implements AutoCloseable {

    public ConnectionPool(List<? extends Connection> connections, TaskScheduler scheduler) {
        if (connections.isEmpty()) {
            throw new IllegalArgumentException("a pool needs at least one connection");
        }
        // TODO: keep the connections (all free at first), the scheduler, which connections are lent
        //  out, and a queue of waiting callers (README, part F).
    }

    /**
     * Returns a future of a connection: complete at once if one is free, otherwise once one is
     * released to this caller. Callers are served in arrival order. Never blocks.
     */
    public CompletableFuture<Connection> acquire() {
        // TODO: hand out a free connection, or queue the caller (README, part F).
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "TODO: hand out a free connection, or queue the caller in arrival order, without blocking (README, part F)"));
    }

    /** Like {@link #acquire()}, but fails with a TimeoutException if no connection came within {@code timeout}. */
    public CompletableFuture<Connection> acquire(Duration timeout) {
        // TODO: acquire, and fail the caller's future at the timeout without losing a connection (README, part F).
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "TODO: acquire with a timeout on the scheduler, losing no connection (README, part F)"));
    }

    /** Gives a connection back: to the next waiting caller, or to the pool. Throws if it is not lent out. */
    public void release(Connection connection) {
        // TODO: check the connection is lent out, then hand it to the next waiting caller or keep it (README, part F).
        throw new UnsupportedOperationException(
                "TODO: give the connection to the next waiting caller or back to the pool (README, part F)");
    }

    /**
     * Runs {@code work} with a connection and releases the connection however the work ends; the
     * returned future completes like the work's. Never blocks.
     */
    public <T> CompletableFuture<T> withConnection(Function<? super Connection, ? extends CompletableFuture<T>> work) {
        // TODO: acquire, run the work, release however it ends — the async try-with-resources (README, part F).
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
                "TODO: run the work with a connection and release it however the work ends (README, part F)"));
    }

    /** Fails every waiting caller and closes each connection once: a free one now, a lent one when it comes back. */
    @Override
    public void close() {
        // TODO: fail the waiters, close the free connections, and close the others as they come back (README, part F).
        throw new UnsupportedOperationException(
                "TODO: close the pool: fail the waiters, close each connection once (README, part F)");
    }
}
