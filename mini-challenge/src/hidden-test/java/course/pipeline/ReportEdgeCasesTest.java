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
    @Tag("points:4")
    @DisplayName("idle gaps, and a sample waiting for the CPU pool, are not busy time")
    void idleGapsAreNotBusyTime() {
        // The test holds the one CPU thread at first. Download 0: 0-100 ms, then sample 0 waits for the pool
        // until 200 ms and is transformed 200-250; download 1: 0-300, transformed 300-400. The expectations
        // follow what the fakes saw, so that this test grades the report, not when the stages run (B, C).
        rig = new PipelineRig(2, 2, 1, FakeTransform.gated()).timelineInTestTime();
        rig.holdCpuPool();
        rig.clockAt(0);
        CompletableFuture<PipelineReport> run = rig.run(2);
        Waits.eventually("downloads 0 and 1 started", () -> rig.source.wasStarted(0) && rig.source.wasStarted(1));

        rig.clockAt(100);
        rig.source.complete(0);
        rig.clockAt(200);
        rig.releaseCpuPool();
        long now = releaseRunningTransformsAt(250);
        rig.clockAt(300);
        rig.source.complete(1);
        for (now = 400; rig.transform.finishedCount() < 2; now += 100) {
            long at = now;
            assertThat(at).as("clock time while transforms %s had finished of the 2 samples, both downloaded",
                    rig.transform.startedIds()).isLessThan(1_000);
            releaseRunningTransformsAt(at);
        }
        long lastRelease = now - 100;

        assertThat(run).as("the run of 2 samples").succeedsWithin(Duration.ofSeconds(3));
        PipelineReport report = run.join();
        assertThat(report.totalTime()).as("total time (0 to %d ms, when the last result was emitted)", lastRelease)
                .isEqualTo(Duration.ofMillis(lastRelease));
        assertThat(report.downloadBusyTime())
                .as("download stage busy time: download 0 in flight 0-100 ms and download 1 0-300 ms; at least one "
                        + "was in flight from 0 to 300 ms")
                .isEqualTo(Duration.ofNanos(rig.source.busyNanos()));
        assertThat(report.transformBusyTime())
                .as("transform stage busy time: transforms ran %d-%d and %d-%d ms. Time a sample waits in the pool's "
                        + "queue is not transform time (read the clock on the pool thread, just before the transform), "
                        + "and a gap with no transform running is not busy time (measure while at least one runs, not "
                        + "from the first start to the last end)",
                        PipelineRig.millisOf(rig.transform.beganAtNanos(0)), PipelineRig.millisOf(rig.transform.returnedAtNanos(0)),
                        PipelineRig.millisOf(rig.transform.beganAtNanos(1)), PipelineRig.millisOf(rig.transform.returnedAtNanos(1)))
                .isEqualTo(Duration.ofNanos(rig.transform.busyNanos()));
    }

    /** Moves the clock to {@code millis} once the pipeline has settled and lets every running transform finish. */
    private long releaseRunningTransformsAt(long millis) {
        rig.clockAt(millis);
        for (int id : rig.transform.heldIds()) {
            rig.transform.release(id);
            rig.awaitTransformFinished(id);
        }
        return millis;
    }
}
