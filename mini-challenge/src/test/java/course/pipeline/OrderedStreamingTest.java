package course.pipeline;

import static course.pipeline.Waits.eventually;
import static course.pipeline.Waits.staysSo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part:D")
@DisplayName("D. Ordered streaming: results in input order, each as soon as its turn comes")
class OrderedStreamingTest {

    private PipelineRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Tag("points:4")
    @DisplayName("results come in input order when downloads and transforms finish in another order")
    void resultsComeInInputOrderWhateverTheCompletionOrder() {
        rig = new PipelineRig(8, 8, 8, FakeTransform.gated());
        CompletableFuture<PipelineReport> run = rig.run(8);
        rig.awaitDownloadsStarted(8);

        for (int id = 7; id >= 0; id--) {
            rig.source.complete(id);
        }
        rig.awaitTransformsStarted(8);
        for (int id : List.of(7, 2, 5, 0, 3, 6, 1, 4)) { // transforms finish in this order
            rig.transform.release(id);
            rig.awaitTransformFinished(id);
        }

        assertThat(run).as("the run, once every transform finished").succeedsWithin(Duration.ofSeconds(3));
        assertThat(rig.receivedIds())
                .as("sample ids in the order the consumer got them; transforms finished in the order 7,2,5,0,3,6,1,4. "
                        + "Results must come in input order: a result that is early waits in a reorder buffer until "
                        + "every earlier one has been emitted")
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(rig.received()).as("results (each sample's id with its own transformed value)")
                .containsExactlyElementsOf(IntStream.range(0, 8).mapToObj(id -> new Result(id, FakeTransform.valueFor(id))).toList());
    }

    @Test
    @Tag("points:4")
    @DisplayName("a result is emitted as soon as every earlier one is out, and held back until then")
    void eachResultIsEmittedAsSoonAsItsTurnComes() {
        rig = new PipelineRig(4, 4, 4, FakeTransform.gated());
        CompletableFuture<PipelineReport> run = rig.run(4);
        rig.awaitDownloadsStarted(4);
        rig.source.complete(0, 1, 2, 3);
        rig.awaitTransformsStarted(4);

        rig.transform.release(0);
        eventually(() -> assertThat(rig.receivedIds())
                .as("results received after sample 0's transform finished, while 1-3 are still being transformed: "
                        + "result 0's turn has come, so it should be emitted now, not when the whole run ends")
                .containsExactly(0));

        rig.transform.release(2);
        rig.awaitTransformFinished(2);
        staysSo(() -> assertThat(rig.receivedIds())
                .as("results received after sample 2 finished but sample 1 had not: result 2 must wait for result 1 "
                        + "(emitting in completion order breaks input order)")
                .containsExactly(0));

        rig.transform.release(1);
        eventually(() -> assertThat(rig.receivedIds())
                .as("results received once sample 1 finished too: 1 and then the waiting 2 should be emitted at once")
                .containsExactly(0, 1, 2));

        rig.transform.release(3);
        assertThat(run).as("the run, once every transform finished").succeedsWithin(Duration.ofSeconds(3));
        assertThat(rig.receivedIds()).as("all results").containsExactly(0, 1, 2, 3);
    }
}
