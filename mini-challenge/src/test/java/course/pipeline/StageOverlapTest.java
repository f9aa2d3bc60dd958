package course.pipeline;

import static course.pipeline.Waits.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part:C")
@DisplayName("C. The stages overlap: a sample is transformed as soon as it has arrived")
class StageOverlapTest {

    private PipelineRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Tag("points:3")
    @DisplayName("sample 0's transform starts while the other downloads are still pending")
    void firstTransformStartsWhileOtherDownloadsArePending() {
        rig = new PipelineRig(4, 4, 2, FakeTransform.immediate());
        rig.run(4);
        rig.awaitDownloadsStarted(4);

        rig.source.complete(0);

        eventually(() -> assertThat(rig.transform.hasStarted(0))
                .as("sample 0 has arrived and downloads 1-3 are still pending, but its transform has not started: "
                        + "stage 2 must start on each sample as soon as it arrives (are you waiting for allOf(...) "
                        + "of the downloads first?)")
                .isTrue());
        assertThat(rig.source.inFlight()).as("downloads still pending while sample 0 is transformed").isEqualTo(3);
    }

    @Test
    @Tag("points:3")
    @DisplayName("downloads go on while a transform is busy")
    void downloadsContinueWhileATransformIsBusy() {
        rig = new PipelineRig(2, 6, 2, FakeTransform.gated());
        CompletableFuture<PipelineReport> run = rig.run(6);
        rig.awaitDownloadsStarted(2);

        rig.source.complete(0);
        rig.awaitTransformStarted(0);
        rig.source.autoComplete();
        rig.source.completeAllStarted();

        eventually(() -> assertThat(rig.source.started())
                .as("downloads started while sample 0's transform was still busy (6 samples, read-ahead 6): "
                        + "stage 1 should keep downloading - is the next download chained after the previous "
                        + "sample's transform?")
                .isEqualTo(6));
        assertThat(rig.transform.hasFinished(0)).as("sample 0's transform finished (the test has not released it)").isFalse();

        rig.transform.openGates();
        assertThat(run).as("the run, once every transform is released").succeedsWithin(Duration.ofSeconds(3));
    }
}
