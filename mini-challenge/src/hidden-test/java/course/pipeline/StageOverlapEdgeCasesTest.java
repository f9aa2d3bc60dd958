package course.pipeline;

import static course.pipeline.Waits.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TimelineExtension.class)
@Tag("part:C")
@DisplayName("C. The stages overlap (edge cases)")
class StageOverlapEdgeCasesTest {

    private PipelineRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Tag("points:2")
    @DisplayName("with one download at a time, sample 0 is transformed while sample 1 downloads")
    void overlapWithOneDownloadAtATime() {
        rig = new PipelineRig(1, 2, 2, FakeTransform.immediate());
        rig.run(3);
        Waits.eventually("download 0 started", () -> rig.source.wasStarted(0));

        rig.source.complete(0);

        PipelineRig.marking("sample 0 arrived, but its transform had not started while download 1 ran", () -> eventually(() -> assertThat(rig.transform.hasStarted(0) && rig.source.wasStarted(1))
                .as("sample 0's transform started while download 1 is in flight (limit 1, read-ahead 2): "
                        + "transform started = %s, download 1 started = %s",
                        rig.transform.hasStarted(0), rig.source.wasStarted(1))
                .isTrue()));
        assertThat(rig.source.isDoneOrCompleting(1)).as("download 1 completed").isFalse();
    }

    @Test
    @Tag("points:2")
    @DisplayName("a sample that arrives early is transformed at once, not after the earlier ones arrive")
    void earlyArrivalIsTransformedAtOnce() {
        rig = new PipelineRig(4, 4, 2, FakeTransform.immediate());
        rig.run(4);
        rig.awaitDownloadsStarted(4);

        rig.source.complete(3);

        PipelineRig.marking("sample 3 arrived, but its transform had not started", () -> eventually(() -> assertThat(rig.transform.hasStarted(3))
                .as("sample 3 arrived first (0-2 still downloading) but was not transformed: transform in arrival "
                        + "order; only the emission has to wait for input order")
                .isTrue()));
    }
}
