package course.cpuparallel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** Part E: an asynchronous caller hands its CPU-heavy step to a CPU pool instead of doing it itself. */
public final class CpuOffload {

    private CpuOffload() {
    }

    /**
     * When {@code request} completes, runs {@code cpuWork} on its value on {@code cpuPool}; the
     * returned future completes with the work's result. Returns at once, never blocks.
     * A failed request fails the returned future and the work does not run.
     */
    public static <I, O> CompletableFuture<O> offload(CompletableFuture<I> request,
                                                      Function<? super I, ? extends O> cpuWork,
                                                      Executor cpuPool) {
        // TODO: chain the work onto the request so that it runs on cpuPool: neither on the thread
        //  that completes the request nor on this one. README, part E.
        throw new UnsupportedOperationException(
                "TODO: run the work on the CPU pool once the request completes, without blocking (README, part E)");
    }
}
