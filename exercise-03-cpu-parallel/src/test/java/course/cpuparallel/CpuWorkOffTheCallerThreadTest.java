package course.cpuparallel;

import static course.cpuparallel.Waits.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("part:E")
@ExtendWith({NotWrittenYet.class, TimelineExtension.class})
@DisplayName("E. CPU work off the async thread: it runs on the CPU pool and nobody waits for it")
class CpuWorkOffTheCallerThreadTest {

    @AutoClose
    final TestPools pools = new TestPools();

    @Test
    @Tag("points:5")
    @DisplayName("With the request already there, offload returns at once and the work runs on the CPU pool")
    void returnsAtOnceAndRunsOnTheCpuPool() throws Exception {
        NamedThreads cpuThreads = new NamedThreads("e-cpu");
        ExecutorService cpuPool = pools.fixed(2, cpuThreads);
        BlockedWork work = new BlockedWork(2_000, cpuThreads);
        String caller = Thread.currentThread().getName();

        Timeline.Call offloading = Timeline.current().start("offload(...)");
        CompletableFuture<String> reply = CpuOffload.offload(CompletableFuture.completedFuture(21), work, cpuPool);
        offloading.done();
        boolean doneWhenReturned = reply.isDone();   // the work cannot finish before the test releases it

        try {
            eventually("the CPU work started", work::started);
            assertThat(doneWhenReturned)
                    .as("offload(...) only returned after the CPU work had finished: the work ran on %s. "
                            + "The caller's thread must stay free: hand the work to the CPU pool "
                            + "(thenApplyAsync(work, cpuPool) or supplyAsync(..., cpuPool)) and return the future. "
                            + "thenApply on a request that is already complete runs the work right here.",
                            caller.equals(work.thread()) ? "the caller's own thread" : "'" + work.thread() + "'")
                    .isFalse();
        } finally {
            work.release();
        }
        assertThat(reply.get(2, TimeUnit.SECONDS)).isEqualTo("result for 21");
        assertThat(work.thread())
                .as("the work ran on '%s', not on the CPU pool's threads ('%s...')", work.thread(), cpuThreads.prefix())
                .startsWith(cpuThreads.prefix());
    }

    @Test
    @Tag("points:4")
    @DisplayName("When an I/O thread completes the request, the work still runs on the CPU pool, not on the I/O thread")
    void ioThreadThatCompletesTheRequestStaysFree() throws Exception {
        NamedThreads cpuThreads = new NamedThreads("e-cpu");
        ExecutorService cpuPool = pools.fixed(2, cpuThreads);
        ExecutorService ioThread = pools.fixed(1, new NamedThreads("e-io"));
        BlockedWork work = new BlockedWork(4_000, cpuThreads); // longer than the wait for the I/O thread below
        CompletableFuture<Integer> request = new CompletableFuture<>();

        CompletableFuture<String> reply = offloadReturnsAtOnce(request, work, cpuPool);
        CountDownLatch ioThreadFree = new CountDownLatch(1);
        ioThread.execute(() -> {
            Timeline.Call delivering = Timeline.current().start("I/O thread delivers");
            request.complete(42);      // the I/O thread delivers the request ...
            delivering.done();
            ioThreadFree.countDown();  // ... and must be free again at once
        });

        try {
            eventually("the CPU work started after the request completed", work::started);
            eventually(() -> assertThat(ioThreadFree.getCount())
                    .as("The I/O thread that completed the request stayed busy: the CPU work ran on it ('%s')."
                            + " thenApply runs its function on whichever thread completes the future; use"
                            + " thenApplyAsync(work, cpuPool).", work.thread())
                    .isZero());
        } finally {
            work.release();
        }
        assertThat(reply.get(2, TimeUnit.SECONDS)).isEqualTo("result for 42");
        assertThat(work.thread())
                .as("the work ran on '%s', not on the CPU pool's threads ('%s...')", work.thread(), cpuThreads.prefix())
                .startsWith(cpuThreads.prefix());
    }

    /**
     * Calls offload on a caller thread of its own and returns its future, or fails if it has not
     * returned within 2 s although the request is still pending (then it waits for the request).
     */
    private CompletableFuture<String> offloadReturnsAtOnce(CompletableFuture<Integer> request, BlockedWork work,
                                                          ExecutorService cpuPool) throws Exception {
        ExecutorService caller = pools.fixed(1, new NamedThreads("e-caller"));
        Future<CompletableFuture<String>> call = caller.submit(() -> {
            Timeline.Call offloading = Timeline.current().start("offload(...)");
            CompletableFuture<String> reply = CpuOffload.offload(request, work, cpuPool);
            offloading.done();
            return reply;
        });
        try {
            return call.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            request.complete(0);   // lets the blocked caller go
            throw new AssertionError("offload(...) had not returned 2 s after it was called with a request that "
                    + "had not arrived yet: it waits for the request (join()/get()). Chain the work onto the "
                    + "request instead (thenApplyAsync(work, cpuPool)) and return the future at once.");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
