package course.pipeline;

import static course.pipeline.Waits.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TimelineExtension.class)
@Tag("part:B")
@DisplayName("B. Transform stage (edge cases)")
class TransformStageEdgeCasesTest {

    private PipelineRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Tag("points:2")
    @DisplayName("the thread that completed a download is handed back at once, even while the transform is busy")
    void downloadThreadIsNotHeldByTheTransform() {
        rig = new PipelineRig(2, 2, 2, FakeTransform.gated());
        rig.run(2);
        rig.awaitDownloadsStarted(2);

        rig.source.complete(0);
        Waits.eventually("the test started completing download 0", () -> rig.source.completerOf(0) != null);

        eventually(() -> assertThat(rig.source.completerOf(0).isAlive())
                .as("the thread 'io-0' that completed download 0 is still busy while sample 0's transform waits: "
                        + "the transform (or a wait for it) runs in the download callback. The source's threads "
                        + "must only hand the sample over to the CPU pool")
                .isFalse());
    }

    @Test
    @Tag("points:2")
    @DisplayName("after a successful run the CPU pool is shut down and its threads end")
    void poolIsShutDownAfterASuccessfulRun() {
        // One download at a time and one pool thread: the results come in input order by themselves, so the run
        // succeeds even where the reorder buffer (part D) is not right yet.
        rig = new PipelineRig(1, 6, 1, FakeTransform.immediate());
        rig.source.autoComplete();

        CompletableFuture<PipelineReport> run = rig.run(6);

        assertThat(run).as("a run of 6 samples that all complete in input order").succeedsWithin(Duration.ofSeconds(3));
        assertThat(rig.transform.threads()).as("transforms that ran").hasSize(6);
        assertThat(rig.cpuPool.isShutdown())
                .as("the CPU pool after the run succeeded: the pipeline owns it and must shut it down when the run ends")
                .isTrue();
        eventually(() -> assertThat(rig.liveCpuThreads())
                .as("CPU pool threads still alive after the run").isEmpty());
    }
}
