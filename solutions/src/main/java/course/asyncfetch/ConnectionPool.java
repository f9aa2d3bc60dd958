package course.asyncfetch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Part F: a pool of connections shared by many asynchronous callers — a limiter that hands out
 * things. The leaks are in the error paths: a caller who gave up, a work that failed, a release
 * racing a timeout. Every hand-over goes through {@link CompletableFuture#complete}, which tells
 * whether the caller still wanted the connection.
 */
public final class ConnectionPool implements AutoCloseable {

    private final TaskScheduler scheduler;

    // Guarded by `this`; changed together, and only for a moment — callers' futures are always
    // completed outside the lock, because completing one runs the caller's code.
    private final Queue<Connection> free = new ArrayDeque<>();
    private final Set<Connection> lent = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Queue<CompletableFuture<Connection>> waiting = new ArrayDeque<>();
    private boolean closed;
    private boolean handingOver; // a thread is in the loop of handOver

    public ConnectionPool(List<? extends Connection> connections, TaskScheduler scheduler) {
        if (connections.isEmpty()) {
            throw new IllegalArgumentException("a pool needs at least one connection");
        }
        this.scheduler = scheduler;
        free.addAll(connections);
    }

    public CompletableFuture<Connection> acquire() {
        CompletableFuture<Connection> caller = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the pool is closed"));
            }
            waiting.add(caller); // behind everyone already waiting, even if a connection is free
        }
        handOver();
        return caller;
    }

    public CompletableFuture<Connection> acquire(Duration timeout) {
        CompletableFuture<Connection> caller = acquire();
        // Whichever comes first wins: the timeout fails the caller (whose future then refuses a
        // connection), or a connection completes it (and the timeout does nothing). None is lost.
        var timer = scheduler.schedule(timeout,
                () -> caller.completeExceptionally(new TimeoutException("no connection free within " + timeout)));
        caller.whenComplete((connection, failure) -> timer.cancel(false));
        return caller;
    }

    public void release(Connection connection) {
        synchronized (this) {
            if (!lent.remove(connection)) {
                throw new IllegalStateException(connection.name() + " is not lent out by this pool"
                        + " (released twice, or never acquired from it)");
            }
        }
        takeBack(connection);
    }

    /** Nobody holds the connection any more: close it if the pool is closed, else offer it to the waiting callers. */
    private void takeBack(Connection connection) {
        boolean closeIt;
        synchronized (this) {
            closeIt = closed;
            if (!closed) {
                free.add(connection);
            }
        }
        if (closeIt) {
            connection.close();
        } else {
            handOver();
        }
    }

    public <T> CompletableFuture<T> withConnection(Function<? super Connection, ? extends CompletableFuture<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<Connection> lease = acquire();
        // The caller gives up while still waiting: the cancelled lease then refuses the connection.
        result.whenComplete((value, failure) -> lease.cancel(false));
        lease.whenComplete((connection, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure); // the pool is closed, or the caller cancelled
            } else {
                run(work, connection, result);
            }
        });
        return result;
    }

    /** The async try-with-resources: the connection goes back however the work ends. */
    private <T> void run(Function<? super Connection, ? extends CompletableFuture<T>> work,
                         Connection connection, CompletableFuture<T> result) {
        CompletableFuture<T> running;
        try {
            running = work.apply(connection);
        } catch (RuntimeException e) {
            running = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> started = running;
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                started.cancel(true); // the caller gave up: stop the work, which releases below
            }
        });
        started.whenComplete((value, failure) -> {
            release(connection);
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        });
    }

    @Override
    public void close() {
        List<CompletableFuture<Connection>> toFail;
        List<Connection> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toFail = List.copyOf(waiting);
            waiting.clear();
            toClose = List.copyOf(free);
            free.clear();
        }
        toFail.forEach(caller -> caller.completeExceptionally(new IllegalStateException("the pool was closed")));
        toClose.forEach(Connection::close); // a lent connection is closed by release(), when it comes back
    }

    /**
     * Gives free connections to waiting callers, the longest-waiting first. Completing a caller's
     * future runs the caller's code right here, and that code may release a connection at once,
     * calling handOver() from inside this loop — one level deeper per caller, until the stack
     * overflows. So one thread at a time runs the loop; a nested call leaves the work to it.
     */
    private void handOver() {
        synchronized (this) {
            if (handingOver) {
                return;
            }
            handingOver = true;
        }
        while (true) {
            CompletableFuture<Connection> caller;
            Connection connection;
            synchronized (this) {
                if (waiting.isEmpty() || free.isEmpty()) {
                    handingOver = false;
                    return;
                }
                caller = waiting.poll();
                connection = free.poll();
                lent.add(connection);
            }
            if (!caller.complete(connection)) {
                // That caller gave up (cancelled, or timed out): the connection was never theirs.
                synchronized (this) {
                    lent.remove(connection);
                }
                takeBack(connection);
            }
        }
    }
}
