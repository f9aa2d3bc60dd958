package course.pipeline;

import static course.pipeline.Waits.eventually;
import static course.pipeline.Waits.staysSo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TimelineExtension.class)
@Tag("part:F")
@DisplayName("F. One global timeout (edge cases)")
class TimeoutEdgeCasesTest {

    private PipelineRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Tag("points:2")
    @DisplayName("the timeout interrupts the running transform and drops the queued one: the pool terminates")
    void runningTransformsAreInterruptedAndQueuedOnesDropped() {
        rig = new PipelineRig(2, 2, 1, FakeTransform.gated());
        CompletableFuture<PipelineReport> run = rig.run(3);
        Waits.eventually("downloads 0 and 1 started", () -> rig.source.wasStarted(0) && rig.source.wasStarted(1));
        rig.source.complete(0, 1);
        Waits.eventually("a transform started (samples 0 and 1 have arrived)", () -> rig.transform.startedCount() >= 1);

        rig.timer.fire();

        assertThat(run).as("the run after its timeout fired").failsWithin(Duration.ofSeconds(3));
        assertThat(rig.cpuPool.isShutdown()).as("the CPU pool is shut down after the timeout").isTrue();
        eventually(() -> assertThat(rig.cpuPool.isTerminated())
                .as("the CPU pool terminated after the timeout, while the test never released the running transform: "
                        + "shutdownNow() interrupts running transforms and drops the queued ones; shutdown() alone "
                        + "lets all of them run on after the run has failed")
                .isTrue());
    }

    @Test
    @Tag("points:2")
    @DisplayName("a timeout that fires after the run succeeded changes nothing, and was cancelled")
    void timeoutAfterSuccessChangesNothing() {
        // One download at a time and one pool thread: the results come in input order by themselves, so the run
        // succeeds even where the reorder buffer (part D) is not right yet.
        rig = new PipelineRig(1, 2, 1, FakeTransform.immediate());
        rig.source.autoComplete();
        CompletableFuture<PipelineReport> run = rig.run(2);
        assertThat(run).as("a run of 2 samples").succeedsWithin(Duration.ofSeconds(3));
        rig.awaitReceived(2);

        assertThat(rig.timer.pending())
                .as("timeouts still scheduled after the run succeeded: cancel it when the run ends, or it keeps "
                        + "the timer busy (the demo's scheduler would wait for it before it can close)")
                .isZero();
        rig.timer.fire();
        assertThat(run).as("the run, after a late timeout").isCompletedWithValueMatching(r -> r.itemsProcessed() == 2);
        assertThat(rig.received()).as("results received, after a late timeout too").hasSize(2);
    }

    @Test
    @Tag("points:2")
    @DisplayName("a transform that ignores the interrupt and finishes after the timeout: its result is discarded")
    void resultOfATransformThatIgnoresTheInterruptIsDiscarded() {
        rig = new PipelineRig(1, 1, 1, FakeTransform.gated().ignoringInterrupts());
        CompletableFuture<PipelineReport> run = rig.run(2);
        Waits.eventually("download 0 started", () -> rig.source.wasStarted(0));
        rig.source.complete(0);
        rig.awaitTransformStarted(0);

        rig.timer.fire();
        rig.transform.release(0); // it finishes now, after the timeout
        rig.awaitTransformFinished(0);

        assertThat(run).as("the run after its timeout fired")
                .failsWithin(Duration.ofSeconds(3))
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOfSatisfying(PipelineTimeoutException.class, e -> assertThat(e.emitted())
                        .as("samples emitted before the timeout").isZero());
        staysSo(() -> assertThat(rig.received())
                .as("results emitted by a transform that finished after the timeout (it ignored the interrupt, as "
                        + "a CPU loop that never checks Thread.interrupted() does): interrupting is not enough, a "
                        + "result that arrives after the run ended must be dropped")
                .isEmpty());
    }
}
