package course.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part:H")
@DisplayName("H. Report (edge cases)")
class ReportEdgeCasesTest {

    private PipelineRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Tag("points:3")
    @DisplayName("idle gaps between downloads are not busy time")
    void idleGapsAreNotBusyTime() {
        // Read-ahead 1: download 0 (0-100 ms), transform 0 (100-300), download 1 (300-450), transform 1 (450-600).
        rig = new PipelineRig(1, 1, 1, FakeTransform.gated());
        rig.clockAt(0);
        CompletableFuture<PipelineReport> run = rig.run(2);
        rig.awaitDownloadsStarted(1);

        rig.clockAt(100);
        rig.source.complete(0);
        rig.awaitTransformStarted(0);

        rig.clockAt(300);
        rig.transform.release(0);
        rig.awaitDownloadsStarted(2);

        rig.clockAt(450);
        rig.source.complete(1);
        rig.awaitTransformStarted(1);

        rig.clockAt(600);
        rig.transform.release(1);

        assertThat(run).as("the run of 2 samples").succeedsWithin(Duration.ofSeconds(3));
        PipelineReport report = run.join();
        assertThat(report.totalTime()).as("total time (0 to 600 ms)").isEqualTo(Duration.ofMillis(600));
        // Download 1 starts once transform 0 is done (300 ms) with read-ahead 1. The expectation follows what
        // the source saw, so that this test grades the report, not the read-ahead (part E).
        long download1Start = PipelineRig.millisOf(rig.source.startedAtNanos(1));
        long expectedDownloadBusy = 100 + (450 - Math.max(100, download1Start));
        assertThat(report.downloadBusyTime())
                .as("download stage busy time: downloads in flight 0-100 and %d-450 ms; when no download is in "
                        + "flight (100-%d ms) the stage is idle, and idle time is not busy time", download1Start, download1Start)
                .isEqualTo(Duration.ofMillis(expectedDownloadBusy));
        assertThat(report.transformBusyTime()).as("transform stage busy time: 100-300 and 450-600 ms")
                .isEqualTo(Duration.ofMillis(350));
    }

    @Test
    @Tag("points:1")
    @DisplayName("an empty run reports 0 items and no time")
    void emptyRunReport() {
        rig = new PipelineRig(2, 2, 2, FakeTransform.immediate());

        CompletableFuture<PipelineReport> run = rig.run(0);

        assertThat(run).as("a run of 0 samples").succeedsWithin(Duration.ofSeconds(2));
        assertThat(run.join()).as("report of an empty run (the test clock never moved)")
                .isEqualTo(new PipelineReport(0, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }
}
