package course.pipeline;

import static course.pipeline.Waits.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TimelineExtension.class)
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

        PipelineRig.marking("sample 0 arrived, but its transform had not started", () -> eventually(() -> assertThat(rig.transform.hasStarted(0))
                .as("sample 0 has arrived and downloads 1-3 are still pending, but its transform has not started: "
                        + "stage 2 must start on each sample as soon as it arrives (are you waiting for allOf(...) "
                        + "of the downloads first?)")
                .isTrue()));
        assertThat(rig.source.inFlight()).as("downloads still pending while sample 0 is transformed").isEqualTo(3);
    }

    @Test
    @Tag("points:3")
    @DisplayName("each sample is transformed as soon as it arrives, in arrival order, while the rest still download")
    void eachSampleIsTransformedOnArrival() {
        rig = new PipelineRig(6, 6, 2, FakeTransform.immediate());
        rig.run(6);
        rig.awaitDownloadsStarted(6);

        List<Integer> arrived = new ArrayList<>();
        for (int id : List.of(4, 1, 5, 0, 3, 2)) { // downloads complete in this order, one at a time
            rig.source.complete(id);
            arrived.add(id);
            PipelineRig.marking("samples " + arrived + " arrived, but not all their transforms had started", () -> eventually(() -> assertThat(rig.transform.startedIds())
                    .as("samples whose transform started, after samples %s arrived in that order (the others are still "
                            + "downloading): hand each sample to stage 2 the moment it arrives, whatever its place in "
                            + "the input. Waiting for all downloads (allOf), or for the samples before it, is the mistake",
                            arrived)
                    .containsExactlyInAnyOrderElementsOf(arrived)));
        }
    }
}
