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
@Tag("part:D")
@DisplayName("D. Ordered streaming (edge cases)")
class OrderedStreamingEdgeCasesTest {

    private PipelineRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Tag("points:1")
    @DisplayName("an empty run completes at once, downloads nothing and emits nothing")
    void emptyRunCompletesAtOnce() {
        rig = new PipelineRig(3, 5, 2, FakeTransform.immediate());

        CompletableFuture<PipelineReport> run = rig.run(0);

        assertThat(run).as("a run of 0 samples: nothing to wait for, so its future must complete (not hang until "
                + "the timeout)").succeedsWithin(Duration.ofSeconds(2));
        assertThat(rig.source.started()).as("downloads started for 0 samples").isZero();
        assertThat(rig.received()).as("results emitted for 0 samples").isEmpty();
    }

    @Test
    @Tag("points:1")
    @DisplayName("a single sample goes through and is emitted once")
    void singleSample() {
        rig = new PipelineRig(3, 5, 2, FakeTransform.immediate());
        rig.source.autoComplete();

        assertThat(rig.run(1)).as("a run of 1 sample").succeedsWithin(Duration.ofSeconds(2));
        assertThat(rig.received()).as("results").containsExactly(new Result(0, FakeTransform.valueFor(0)));
    }
}
