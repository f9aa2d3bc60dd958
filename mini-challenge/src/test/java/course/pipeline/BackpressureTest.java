package course.pipeline;

import static course.pipeline.Waits.eventually;
import static course.pipeline.Waits.staysSo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TimelineExtension.class)
@Tag("part:E")
@DisplayName("E. Backpressure: stage 1 stays at most readAhead samples ahead of stage 2")
class BackpressureTest {

    private PipelineRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    /**
     * Read-ahead 5 with a download limit of 8, downloads that complete at once, transforms that wait for the
     * test, and one CPU thread: the read-ahead is the only bound that holds stage 1 back, run() alone can start
     * all 5 downloads the window allows, and stage 2 runs one transform at a time whatever part B does.
     */
    private static PipelineRig rigForBackpressure() {
        PipelineRig rig = new PipelineRig(8, 5, 1, FakeTransform.gated());
        rig.source.autoComplete().watchAheadOf(rig.transform);
        return rig;
    }

    @Test
    @Tag("points:4")
    @DisplayName("with every transform stuck, downloads stop at the read-ahead bound")
    void downloadsStopAtTheReadAheadBoundWhileTransformsAreStuck() {
        rig = rigForBackpressure();
        rig.run(20);

        Waits.eventually("at least 5 downloads started (downloads complete at once)", () -> rig.source.started() >= 5);
        staysSo(() -> assertThat(rig.source.started())
                .as("samples downloaded while stage 2 had finished none (downloads complete at once, transforms are "
                        + "stuck); the read-ahead bound is 5. More means downloads pile up in memory: before starting "
                        + "one, check that started - transformed < readAhead")
                .isEqualTo(5));
    }

    @Test
    @Tag("points:3")
    @DisplayName("each finished transform lets exactly one more download start")
    void finishingATransformLetsExactlyOneMoreDownloadStart() {
        rig = rigForBackpressure();
        rig.run(20);
        rig.awaitDownloadsStarted(5);
        Waits.eventually("a transform started (5 samples have arrived)", () -> rig.transform.startedCount() >= 1);

        int released = rig.transform.releaseOldest();
        rig.awaitTransformFinished(released);
        eventually(() -> assertThat(rig.source.started())
                .as("downloads started after one transform finished (read-ahead 5): the window moved by one, so "
                        + "one more download should start - is the finished transform counted, and are downloads "
                        + "started again from there?")
                .isEqualTo(6));
        staysSo(() -> assertThat(rig.source.started())
                .as("downloads started after exactly one transform finished (read-ahead 5)")
                .isEqualTo(6));

        rig.transform.openGates();
        eventually(() -> assertThat(rig.transform.finishedCount())
                .as("samples transformed, once every transform is let through").isEqualTo(20));
        assertThat(rig.source.maxAheadOfStageTwo())
                .as("most samples started but not yet transformed, seen at any download start (read-ahead 5)")
                .isLessThanOrEqualTo(5);
    }
}
