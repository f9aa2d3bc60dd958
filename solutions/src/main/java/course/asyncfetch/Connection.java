package course.asyncfetch;

import java.util.concurrent.CompletableFuture;

/**
 * A connection to a remote service, the kind of thing a {@link ConnectionPool} lends out: opening
 * one is slow, so a program keeps a few and shares them. Only one caller may use a connection at a
 * time.
 */
public interface Connection {

    /** Which connection this is ("conn-1"), for messages and logs. */
    String name();

    /** Sends {@code request}; the future completes with the answer. Returns at once. */
    CompletableFuture<String> query(String request);

    /** Closes the connection for good. A pool closes each of its connections once, when the pool is closed. */
    void close();
}
