package course.pipeline;

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
@DisplayName("G. Failure: a failing download or transform fails the run, naming the sample")
class FailurePropagationTest {

    private PipelineRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Tag("points:3")
    @DisplayName("a failing download fails the run with a SampleFailedException naming the sample")
    void failingDownloadFailsTheRunNamingTheSample() {
        rig = new PipelineRig(6, 6, 2, FakeTransform.immediate());
        rig.source.failOn(3);
        CompletableFuture<PipelineReport> run = rig.run(6);
        rig.awaitDownloadsStarted(6);

        rig.source.complete(3);

        assertThat(run).as("the run after download 3 failed (the other downloads are still pending)")
                .failsWithin(Duration.ofSeconds(3))
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .as("the run's error: a SampleFailedException for sample 3 whose cause is the source's exception")
                .isInstanceOfSatisfying(SampleFailedException.class, e -> {
                    assertThat(e.sampleId()).as("sample id in the error").isEqualTo(3);
                    assertThat(e.getCause()).as("cause (unwrapped from any CompletionException)")
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("fake download of sample 3 failed");
                });
    }

    @Test
    @Tag("points:3")
    @DisplayName("a failing transform fails the run with a SampleFailedException naming the sample")
    void failingTransformFailsTheRunNamingTheSample() {
        rig = new PipelineRig(4, 4, 2, FakeTransform.immediate().failOn(2));
        rig.source.autoComplete();

        CompletableFuture<PipelineReport> run = rig.run(4);

        assertThat(run).as("the run whose transform of sample 2 throws")
                .failsWithin(Duration.ofSeconds(3))
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .as("the run's error: a SampleFailedException for sample 2 whose cause is the transform's exception")
                .isInstanceOfSatisfying(SampleFailedException.class, e -> {
                    assertThat(e.sampleId()).as("sample id in the error").isEqualTo(2);
                    assertThat(e.getCause()).as("cause (unwrapped from any CompletionException)")
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("fake transform of sample 2 failed");
                });
        assertThat(rig.receivedIds()).as("results emitted: sample 2 failed, so it has no result").doesNotContain(2);
    }
}
