package course.cpuparallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("part:E")
@ExtendWith({NotWrittenYet.class, TimelineExtension.class})
@DisplayName("E. CPU work off the async thread: a pending request, a failed request, failing work")
class CpuWorkOffTheCallerThreadEdgeCasesTest {

    @AutoClose
    final TestPools pools = new TestPools();

    @Test
    @Tag("points:1.5")
    @DisplayName("With the request still pending, offload returns at once; the work starts when the request arrives")
    void pendingRequestDoesNotBlockTheCaller() throws Exception {
        NamedThreads cpuThreads = new NamedThreads("e-hidden-cpu");
        ExecutorService cpuPool = pools.fixed(2, cpuThreads);
        ExecutorService caller = pools.fixed(1, new NamedThreads("e-hidden-caller"));
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<Integer> request = new CompletableFuture<>();
        Function<Integer, Integer> work = n -> {
            Timeline.Call call = Timeline.current().start("cpu work");
            if (!request.isDone()) {
                Timeline.current().broke("the CPU work ran before the request arrived");
            }
            calls.incrementAndGet();
            call.done();
            return n + 1;
        };

        Future<CompletableFuture<Integer>> call = caller.submit(() -> {
            Timeline.Call offloading = Timeline.current().start("offload(...)");
            CompletableFuture<Integer> reply = CpuOffload.offload(request, work, cpuPool);
            offloading.done();
            return reply;
        });
        CompletableFuture<Integer> reply;
        try {
            reply = call.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            request.complete(0);   // let the blocked caller go
            throw new AssertionError("offload(...) had not returned 2 s after it was called with a request that "
                    + "had not arrived yet: it waits for the request (join()/get()). Chain the work onto the "
                    + "request instead and return the future at once.");
        }

        assertThat(calls).as("the work ran before the request arrived").hasValue(0);
        request.complete(41);
        assertThat(reply.get(2, TimeUnit.SECONDS)).isEqualTo(42);
        assertThat(calls).as("runs of the work for one request").hasValue(1);
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("A pending request does not hold a CPU thread: with one CPU thread, other work still runs")
    void pendingRequestDoesNotOccupyACpuThread() throws Exception {
        ExecutorService oneCpuThread = pools.fixed(1, new NamedThreads("e-hidden-cpu"));
        CompletableFuture<Integer> pending = new CompletableFuture<>();
        AtomicInteger pendingCalls = new AtomicInteger();

        CompletableFuture<Integer> waiting = CpuOffload.offload(pending, n -> {
            Timeline.current().start("work, late request").done();
            return pendingCalls.incrementAndGet();
        }, oneCpuThread);
        Timeline.Call readyWork = Timeline.current().start("wait for work");
        CompletableFuture<Integer> ready = CpuOffload.offload(CompletableFuture.completedFuture(20), n -> {
            readyWork.done();
            Timeline.current().start("work, ready request").done();
            return n * 2;
        }, oneCpuThread);

        try {
            assertThat(ready.get(2, TimeUnit.SECONDS)).isEqualTo(40);
        } catch (TimeoutException e) {
            Timeline.current().broke("the ready request's work had not started after 2 s");
            readyWork.failed();
            throw new AssertionError("The CPU pool has one thread. A request that had not arrived yet was offloaded "
                    + "first; the work for a request that had arrived did not run within 2 s. The pool's only thread "
                    + "is waiting for the first request (a join()/get() of the request inside the task). Chain the "
                    + "work onto the request (thenApplyAsync) so it is only submitted once the request is there.");
        } finally {
            pending.complete(1);
        }
        assertThat(waiting.get(2, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(pendingCalls).hasValue(1);
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("A failed request fails the returned future with the same cause, and the work never runs")
    void failedRequest() {
        ExecutorService cpuPool = pools.fixed(2, new NamedThreads("e-hidden-cpu"));
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException backendDown = new IllegalStateException("backend down");

        CompletableFuture<Integer> reply = CpuOffload.offload(CompletableFuture.failedFuture(backendDown), n -> {
            Timeline.current().start("cpu work").done();
            Timeline.current().broke("the CPU work ran although the request failed");
            return calls.incrementAndGet();
        }, cpuPool);
        Throwable thrown = catchThrowable(() -> reply.get(2, TimeUnit.SECONDS));

        assertThat(thrown).as("the reply to a failed request must fail too").isNotNull();
        assertThat(Failures.chain(thrown))
                .as("the reply failed with %s; the request's own exception (IllegalStateException: backend "
                        + "down) must be its cause", Failures.describe(thrown))
                .contains(backendDown);
        assertThat(calls).as("runs of the work after the request failed").hasValue(0);
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("When the work throws, the returned future fails with that exception as the cause")
    void failingWork() {
        ExecutorService cpuPool = pools.fixed(2, new NamedThreads("e-hidden-cpu"));
        ArithmeticException overflow = new ArithmeticException("too many primes");
        Function<Integer, Integer> work = n -> {
            Timeline.current().start("cpu work").failed();
            throw overflow;
        };

        CompletableFuture<Integer> reply = CpuOffload.offload(CompletableFuture.completedFuture(7), work, cpuPool);
        Throwable thrown = catchThrowable(() -> reply.get(2, TimeUnit.SECONDS));

        assertThat(thrown).as("the reply must fail when the work throws").isNotNull();
        assertThat(Failures.chain(thrown))
                .as("the reply failed with %s; the work's own exception (ArithmeticException: too many primes) "
                        + "must be its cause", Failures.describe(thrown))
                .contains(overflow);
    }
}
