package course.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TimelineExtension.class)
@Tag("part:H")
@DisplayName("H. Report: items, total time and how long each stage was busy, on the injected clock")
class PipelineReportTest {

    private PipelineRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    /**
     * Two samples, both downloading from t=0, both arriving at t=100 ms; transforms from t=100 until
     * t=300 (sample 0) and t=450 (sample 1). The clock only moves while the pipeline waits for the test.
     * (Where the transforms cannot run side by side, part B's mistake, sample 1's starts at 300 ms: the
     * expected transform time follows what the transforms saw, so that this test grades the report only.)
     */
    private PipelineReport runTwoSamplesOnTheTestClock() {
        rig = new PipelineRig(2, 2, 2, FakeTransform.gated()).timelineInTestTime();
        rig.clockAt(0);
        CompletableFuture<PipelineReport> run = rig.run(2);
        Waits.eventually("downloads 0 and 1 started", () -> rig.source.wasStarted(0) && rig.source.wasStarted(1));

        rig.clockAt(100);
        rig.source.complete(0);
        rig.awaitSettled();
        rig.source.complete(1);
        rig.awaitTransformStarted(0);

        rig.clockAt(300);
        rig.transform.release(0);
        rig.awaitTransformFinished(0);
        rig.awaitTransformStarted(1);
        rig.clockAt(450);
        rig.transform.release(1);

        assertThat(run).as("the run of 2 samples").succeedsWithin(Duration.ofSeconds(3));
        return run.join();
    }

    @Test
    @Tag("points:3")
    @DisplayName("the report counts the items and the total time on the injected clock")
    void reportCountsItemsAndTotalTime() {
        PipelineReport report = runTwoSamplesOnTheTestClock();

        assertThat(report.itemsProcessed()).as("items processed (results emitted)").isEqualTo(2);
        assertThat(report.totalTime())
                .as("total time: the injected clock read 0 ms when run() was called and 450 ms when the last "
                        + "result was emitted (measure with the nanoClock you were given, not System.nanoTime)")
                .isEqualTo(Duration.ofMillis(450));
    }

    @Test
    @Tag("points:3")
    @DisplayName("each stage's busy time counts overlapping samples once")
    void reportMeasuresEachStageBusyTime() {
        PipelineReport report = runTwoSamplesOnTheTestClock();

        assertThat(report.downloadBusyTime())
                .as("download stage busy time: both downloads ran from 0 to 100 ms, so the stage was busy 100 ms "
                        + "(200 ms means you added up each sample's time instead of the time at least one was in flight)")
                .isEqualTo(Duration.ofMillis(100));
        long transformsStarted1 = PipelineRig.millisOf(rig.transform.beganAtNanos(1));
        assertThat(report.transformBusyTime())
                .as("transform stage busy time: transforms ran 100-300 ms and %d-450 ms, so at least one was running "
                        + "from 100 to 450 ms (adding up each transform's time counts the overlap twice)", transformsStarted1)
                .isEqualTo(Duration.ofNanos(rig.transform.busyNanos()));
    }
}
