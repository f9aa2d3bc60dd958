package course.threadedio;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        // A virtual thread that blocks gives its carrier thread back, so thousands of waiting
        // calls cost little memory and only a few OS threads. close() waits for all of them.
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> answers = new ArrayList<>(calls);
            for (int request = 0; request < calls; request++) {
                int r = request;
                answers.add(executor.submit(() -> service.call(r)));
            }
            List<String> inOrder = new ArrayList<>(calls);
            for (Future<String> answer : answers) {
                inOrder.add(answer.get());
            }
            return inOrder;
        }
    }
}
