package course.asyncfetch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection for part F's tests. It counts how often it was closed, and how many callers use it
 * at once (the tests' work calls {@link #use()} and {@link #done()}): a pool must never lend one
 * connection to two callers.
 */
final class FakeConnection implements Connection {

    private final String name;
    private final AtomicInteger timesClosed = new AtomicInteger();
    private final AtomicInteger users = new AtomicInteger();
    private final AtomicInteger mostUsers = new AtomicInteger();

    FakeConnection(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** Answers at once with {@code "<name>: <request>"}. */
    @Override
    public CompletableFuture<String> query(String request) {
        return CompletableFuture.completedFuture(name + ": " + request);
    }

    @Override
    public void close() {
        timesClosed.incrementAndGet();
    }

    int timesClosed() {
        return timesClosed.get();
    }

    /** A caller starts using this connection. */
    void use() {
        mostUsers.accumulateAndGet(users.incrementAndGet(), Math::max);
    }

    /** That caller is done with it. */
    void done() {
        users.decrementAndGet();
    }

    /** The most callers that ever used this connection at the same time. */
    int mostUsersAtOnce() {
        return mostUsers.get();
    }

    @Override
    public String toString() {
        return name;
    }
}
