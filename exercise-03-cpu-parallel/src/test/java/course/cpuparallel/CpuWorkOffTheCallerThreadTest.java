package course.cpuparallel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Tag("part:E")
@DisplayName("E. CPU work off the async thread: it runs on the CPU pool and nobody waits for it")
@Timeout(value = 5, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CpuWorkOffTheCallerThreadTest {

    @AutoClose
    final TestPools pools = new TestPools();

    @Test
    @Tag("points:5")
    @DisplayName("With the request already there, offload returns at once and the work runs on the CPU pool")
    void returnsAtOnceAndRunsOnTheCpuPool() throws Exception {
        NamedThreads cpuThreads = new NamedThreads("e-cpu");
        ExecutorService cpuPool = pools.fixed(2, cpuThreads);
        BlockedWork work = new BlockedWork(2_000);
        String caller = Thread.currentThread().getName();

        CompletableFuture<String> reply = CpuOffload.offload(CompletableFuture.completedFuture(21), work, cpuPool);
        boolean doneWhenReturned = reply.isDone();   // the work cannot finish before the test releases it

        try {
            assertThat(work.awaitStarted(2_000)).as("the CPU work never started").isTrue();
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
        BlockedWork work = new BlockedWork(2_500);
        CompletableFuture<Integer> request = new CompletableFuture<>();

        CompletableFuture<String> reply = CpuOffload.offload(request, work, cpuPool);
        CountDownLatch ioThreadFree = new CountDownLatch(1);
        ioThread.execute(() -> {
            request.complete(42);      // the I/O thread delivers the request ...
            ioThreadFree.countDown();  // ... and must be free again at once
        });

        try {
            assertThat(work.awaitStarted(2_000)).as("the CPU work never started after the request completed").isTrue();
            assertThat(ioThreadFree.await(1, TimeUnit.SECONDS))
                    .as("The I/O thread that completed the request was still busy a second later: the CPU work "
                            + "ran on it ('%s'). thenApply runs its function on whichever thread completes the "
                            + "future; use thenApplyAsync(work, cpuPool).", work.thread())
                    .isTrue();
        } finally {
            work.release();
        }
        assertThat(reply.get(2, TimeUnit.SECONDS)).isEqualTo("result for 42");
        assertThat(work.thread())
                .as("the work ran on '%s', not on the CPU pool's threads ('%s...')", work.thread(), cpuThreads.prefix())
                .startsWith(cpuThreads.prefix());
    }
}
