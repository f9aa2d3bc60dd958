package course.asyncfetch;

import java.util.concurrent.CompletableFuture;

/**
 * A remote service that hands out items without blocking the caller: {@link #fetch} starts the
 * request and returns at once; the future completes later with the item, or fails.
 * Cancelling the returned future abandons the request.
 */
@FunctionalInterface
public interface AsyncRemote {

    CompletableFuture<String> fetch(int id);
}
