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
@Tag("part:G")
@DisplayName("G. Failure (edge cases)")
class FailureEdgeCasesTest {

    private PipelineRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Tag("points:2")
    @DisplayName("a failure stops the run like a timeout: downloads cancelled, none started, pool shut down")
    void failureCancelsTheRest() {
        rig = new PipelineRig(4, 4, 2, FakeTransform.immediate());
        rig.source.failOn(1);
        CompletableFuture<PipelineReport> run = rig.run(10);
        rig.awaitDownloadsStarted(4);

        rig.source.complete(1);

        assertThat(run).as("the run after download 1 failed").failsWithin(Duration.ofSeconds(3));
        PipelineRig.marking("downloads still in flight after sample 1 failed", () -> eventually(() -> assertThat(rig.source.cancelled())
                .as("downloads cancelled after the failure (0, 2 and 3 were in flight): the run has failed, their "
                        + "results are useless")
                .isEqualTo(3)));
        staysSo(() -> assertThat(rig.source.started())
                .as("downloads started in all (4 before the failure): none may start after it").isEqualTo(4));
        PipelineRig.marking("the CPU pool still running after sample 1 failed",
                () -> assertThat(rig.cpuPool.isShutdown()).as("the CPU pool after the run failed").isTrue());
    }

    @Test
    @Tag("points:1")
    @DisplayName("a failing sample fails the run at once, without waiting for earlier samples")
    void failureDoesNotWaitForEarlierSamples() {
        rig = new PipelineRig(4, 4, 2, FakeTransform.immediate());
        rig.source.failOn(3);
        CompletableFuture<PipelineReport> run = rig.run(4);
        rig.awaitDownloadsStarted(4);

        rig.source.complete(3);

        assertThat(run).as("the run after sample 3's download failed, while samples 0-2 are still downloading: "
                        + "the failure must end the run now, not when its turn to be emitted comes")
                .failsWithin(Duration.ofSeconds(3))
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOfSatisfying(SampleFailedException.class,
                        e -> assertThat(e.sampleId()).as("sample id in the error").isEqualTo(3));
    }
}
