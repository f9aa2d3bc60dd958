package course.pipeline;

import static course.pipeline.Waits.eventually;
import static course.pipeline.Waits.staysSo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TimelineExtension.class)
@Tag("part:F")
@DisplayName("F. One global timeout: when it fires, both stages stop")
class GlobalTimeoutTest {

    private PipelineRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Tag("points:4")
    @DisplayName("the timeout cancels the downloads in flight, starts no more, and shuts the CPU pool down")
    void timeoutCancelsDownloadsAndStartsNoMore() {
        rig = new PipelineRig(4, 4, 2, FakeTransform.immediate());
        CompletableFuture<PipelineReport> run = rig.run(20);
        rig.awaitDownloadsStarted(4);
        assertThat(rig.timer.scheduledDelays())
                .as("delays scheduled on the timer: one global timeout of %s for the whole run", PipelineRig.TIMEOUT)
                .containsExactly(PipelineRig.TIMEOUT);

        rig.timer.fire();

        assertThat(run).as("the run after its timeout fired")
                .failsWithin(Duration.ofSeconds(3))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause()
                .isInstanceOfSatisfying(PipelineTimeoutException.class, e -> {
                    assertThat(e.emitted()).as("results emitted before the timeout, in the error").isZero();
                    assertThat(e.total()).as("samples the run was asked to process, in the error").isEqualTo(20);
                    assertThat(e.getMessage()).as("the error's message").contains("0 of 20");
                });
        PipelineRig.marking("downloads still in flight after the timeout fired", () -> eventually(() -> assertThat(rig.source.cancelled())
                .as("downloads cancelled after the timeout (4 were in flight): cancel the futures the source returned, "
                        + "or they keep running for nothing")
                .isEqualTo(4)));
        staysSo(() -> assertThat(rig.source.started())
                .as("downloads started in all, 4 before the timeout: none may start after it")
                .isEqualTo(4));
        PipelineRig.marking("the CPU pool still running after the timeout fired", () -> assertThat(rig.cpuPool.isShutdown())
                .as("the CPU pool is shut down after the timeout (shutdownNow(): running transforms are interrupted, "
                        + "queued ones dropped)")
                .isTrue());
    }

    @Test
    @Tag("points:4")
    @DisplayName("after the timeout no result is emitted, and the error says how many were")
    void timeoutDiscardsLateResultsAndCountsTheEmittedOnes() {
        rig = new PipelineRig(2, 2, 2, FakeTransform.gated());
        CompletableFuture<PipelineReport> run = rig.run(6);
        Waits.eventually("downloads 0 and 1 started", () -> rig.source.wasStarted(0) && rig.source.wasStarted(1));
        rig.source.complete(0, 1);
        Waits.eventually("a transform started (samples 0 and 1 have arrived)", () -> !rig.transform.heldIds().isEmpty());
        int first = rig.transform.releaseOldest(); // whichever started first: part B may run them one at a time
        int second = 1 - first;
        rig.awaitTransformFinished(first);
        Waits.eventually("sample " + second + "'s transform running (transform " + first + " has finished)",
                () -> rig.transform.heldIds().contains(second));
        rig.awaitSettled();
        List<Integer> inFlight = rig.source.startedIds().stream().filter(id -> !rig.source.isDoneOrCompleting(id)).toList();
        int started = rig.source.started();

        rig.timer.fire();

        assertThat(run).as("the run after its timeout fired").failsWithin(Duration.ofSeconds(3));
        Throwable error = run.handle((report, e) -> e instanceof CompletionException ? e.getCause() : e).join();
        int emitted = rig.received().size();
        assertThat(error).as("why the run failed").isInstanceOf(PipelineTimeoutException.class);
        assertThat(((PipelineTimeoutException) error).emitted())
                .as("emitted count in the timeout error; the consumer had received %d result(s)", emitted)
                .isEqualTo(emitted);
        assertThat(((PipelineTimeoutException) error).total()).as("samples the run was asked to process, in the error")
                .isEqualTo(6);
        assertThat(error).hasMessageContaining(emitted + " of 6");
        eventually(() -> assertThat(inFlight).as("downloads in flight when the timeout fired: each must be cancelled")
                .allMatch(rig.source::isCancelled));

        rig.transform.release(second); // if the timeout did not interrupt it, it finishes now
        staysSo(() -> assertThat(rig.received())
                .as("results received after the timeout fired: sample %d's transform was still running; its result "
                        + "must be discarded (or the transform interrupted), not emitted after the run failed", second)
                .hasSize(emitted));
        assertThat(rig.source.started()).as("downloads started in all (%d before the timeout): none may start after it", started)
                .isEqualTo(started);
        assertThat(rig.cpuPool.isShutdown()).as("the CPU pool is shut down after the timeout").isTrue();
        eventually(() -> assertThat(rig.liveCpuThreads())
                .as("CPU pool threads still alive after the timeout (their work was interrupted or released)")
                .isEmpty());
    }
}
