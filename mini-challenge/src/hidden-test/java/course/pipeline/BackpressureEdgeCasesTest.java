package course.pipeline;

import static course.pipeline.Waits.staysSo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TimelineExtension.class)
@Tag("part:E")
@DisplayName("E. Backpressure (edge cases)")
class BackpressureEdgeCasesTest {

    private PipelineRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Tag("points:2")
    @DisplayName("a read-ahead smaller than the download limit also bounds the downloads in flight")
    void readAheadBelowTheDownloadLimit() {
        rig = new PipelineRig(10, 2, 2, FakeTransform.immediate());
        rig.run(10);

        Waits.eventually("at least 2 downloads started", () -> rig.source.started() >= 2);
        staysSo(() -> assertThat(rig.source.started())
                .as("downloads started with none completed: limit 10 but read-ahead 2, and a download in flight "
                        + "counts against the read-ahead too")
                .isEqualTo(2));
    }

    @Test
    @Tag("points:2")
    @DisplayName("with a read-ahead of 1, downloads and transforms alternate")
    void readAheadOfOneAlternates() {
        rig = new PipelineRig(3, 1, 2, FakeTransform.gated());
        rig.source.autoComplete().watchAheadOf(rig.transform);
        CompletableFuture<PipelineReport> run = rig.run(4);

        for (int id = 0; id < 4; id++) {
            int expected = id + 1;
            rig.awaitTransformsStarted(expected);
            assertThat(rig.source.started())
                    .as("downloads started while %d transform(s) had finished (read-ahead 1)", expected - 1)
                    .isEqualTo(expected);
            rig.transform.release(id);
        }

        assertThat(run).as("the run of 4 samples").succeedsWithin(Duration.ofSeconds(3));
        assertThat(rig.source.maxAheadOfStageTwo()).as("most samples ahead of stage 2 (read-ahead 1)").isEqualTo(1);
    }
}
