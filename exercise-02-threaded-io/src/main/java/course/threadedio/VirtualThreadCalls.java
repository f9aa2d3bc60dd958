package course.threadedio;

import java.util.List;
import java.util.concurrent.ExecutionException;

/** Part E: thousands of blocking calls at once, on virtual threads. */
public final class VirtualThreadCalls {

    private VirtualThreadCalls() {
    }

    /**
     * Calls {@code service.call(request)} for every request from 0 to {@code calls - 1}, each on a
     * virtual thread of its own, all at the same time, and returns the answers in request order.
     * Returns only when every call has ended.
     *
     * @throws ExecutionException if a call failed
     */
    public static List<String> callAll(SlowService service, int calls)
            throws InterruptedException, ExecutionException {
        // TODO (README, part E): submit every call to Executors.newVirtualThreadPerTaskExecutor()
        //  (try-with-resources) and collect the answers in request order.
        throw new UnsupportedOperationException(
                "TODO: run every call on its own virtual thread (README, part E)");
    }
}
