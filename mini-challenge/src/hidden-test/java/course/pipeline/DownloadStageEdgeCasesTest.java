package course.pipeline;

import static course.pipeline.Waits.eventually;
import static course.pipeline.Waits.staysSo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TimelineExtension.class)
@Tag("part:A")
@DisplayName("A. Download stage (edge cases)")
class DownloadStageEdgeCasesTest {

    private PipelineRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Tag("points:2")
    @DisplayName("with a limit of 1, downloads run strictly one at a time")
    void limitOfOneRunsDownloadsOneAtATime() {
        rig = new PipelineRig(1, 5, 2, FakeTransform.immediate()).recordingDownloadsOnly();
        rig.run(5);

        for (int id = 0; id < 5; id++) {
            int expected = id + 1;
            eventually(() -> assertThat(rig.source.started())
                    .as("downloads started with a limit of 1, after %d completed", expected - 1)
                    .isEqualTo(expected));
            rig.source.complete(id);
        }

        assertThat(rig.source.maxInFlight()).as("most downloads in flight at once with a limit of 1").isEqualTo(1);
    }

    @Test
    @Tag("points:1")
    @DisplayName("a source that answers at once (futures already complete) still works, for 300 samples")
    void sourceWhoseFuturesAreAlreadyCompleteStillWorks() {
        rig = new PipelineRig(10, 300, 2, FakeTransform.immediate()).recordingDownloadsOnly(); // the read-ahead (part E) never binds here
        AtomicInteger requested = new AtomicInteger();
        SampleSource cache = id -> {
            requested.incrementAndGet();
            return CompletableFuture.completedFuture(new Sample(id, new byte[] {(byte) id}));
        };
        Pipeline pipeline = new Pipeline(cache, rig.transform, rig.cpuPool, rig.timer, rig.clockNanos::get, rig.settings);

        pipeline.run(300, result -> { });

        eventually(() -> assertThat(rig.transform.finishedCount())
                .as("samples downloaded and transformed in a run of 300 whose source answers every download at once "
                        + "(a cache hit): the completion callback then runs inside download(); make sure that "
                        + "re-entering your code from there neither deadlocks nor skips a sample (downloads requested: %d)",
                        requested.get())
                .isEqualTo(300));
        assertThat(requested.get()).as("downloads requested for 300 samples").isEqualTo(300);
    }

    @Test
    @Tag("points:1")
    @DisplayName("the limit holds when downloads finish in a random order")
    void limitHoldsWhenDownloadsFinishInRandomOrder() {
        rig = new PipelineRig(4, 30, 2, FakeTransform.immediate()).recordingDownloadsOnly();
        rig.run(30);
        Random random = new Random(7);

        for (int done = 0; done < 30; done++) {
            int expectedStarted = Math.min(30, 4 + done);
            eventually(() -> assertThat(rig.source.started())
                    .as("downloads started (limit 4)").isEqualTo(expectedStarted));
            List<Integer> pending = rig.source.startedIds().stream()
                    .filter(id -> !rig.source.isDoneOrCompleting(id)).toList();
            rig.source.complete(pending.get(random.nextInt(pending.size())));
        }

        staysSo(() -> assertThat(rig.source.started()).as("downloads in all").isEqualTo(30));
        assertThat(rig.source.maxInFlight()).as("most downloads in flight at once (limit 4)").isLessThanOrEqualTo(4);
    }
}
