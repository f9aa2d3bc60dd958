package course.pipeline;

import static course.pipeline.Waits.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TimelineExtension.class)
@Tag("part:B")
@DisplayName("B. Transform stage: on the CPU pool, never on the download threads")
class TransformOnCpuPoolTest {

    private PipelineRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Tag("points:3")
    @DisplayName("every transform runs on a thread of the CPU pool it was given")
    void everyTransformRunsOnTheCpuPool() {
        rig = new PipelineRig(3, 6, 2, FakeTransform.immediate());
        rig.source.autoComplete();

        rig.run(6);
        eventually(() -> assertThat(rig.transform.finishedCount())
                .as("samples transformed in a run of 6 whose downloads all complete at once").isEqualTo(6));

        Map<Integer, String> offPool = rig.transform.threads().entrySet().stream()
                .filter(entry -> !entry.getValue().startsWith(rig.cpuThreadPrefix))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(rig.transform.threads()).as("transforms that ran").hasSize(6);
        assertThat(offPool)
                .as("transforms (sample -> thread) that did not run on the CPU pool (threads '%s...'). A thread named "
                        + "'io-N' is the one that completed download N: thenApply/whenComplete run the transform right "
                        + "there and hold up the download client. Hand it to the pool: thenApplyAsync(transform, cpuPool)",
                        rig.cpuThreadPrefix)
                .isEmpty();
    }

    @Test
    @Tag("points:3")
    @DisplayName("two transforms run at the same time on a 2-thread pool")
    void transformsRunInParallelOnThePool() {
        rig = new PipelineRig(2, 2, 2, FakeTransform.immediate().rendezvousOf(2));
        rig.run(2);
        rig.awaitDownloadsStarted(2);

        rig.source.complete(0, 1);

        eventually(() -> assertThat(rig.transform.rendezvousMet())
                .as("the transforms of samples 0 and 1 never ran at the same time, though both samples had arrived "
                        + "and the pool has 2 threads: is the transform called while holding the pipeline's lock, "
                        + "or one after the other on a single thread?")
                .isTrue());
    }
}
