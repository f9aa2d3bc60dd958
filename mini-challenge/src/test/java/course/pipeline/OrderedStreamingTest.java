package course.pipeline;

import static course.pipeline.Waits.eventually;
import static course.pipeline.Waits.staysSo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TimelineExtension.class)
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
    @DisplayName("results come in input order when the samples arrive and finish in another order")
    void resultsComeInInputOrderWhateverTheCompletionOrder() {
        rig = new PipelineRig(8, 8, 2, FakeTransform.immediate());
        CompletableFuture<PipelineReport> run = rig.run(8);
        rig.awaitDownloadsStarted(8);

        for (int id : List.of(7, 2, 5, 0, 3, 6, 1, 4)) { // samples arrive, and are transformed, in this order
            rig.source.complete(id);
            rig.awaitSettled();
        }

        assertThat(run).as("the run, once every sample arrived and was transformed").succeedsWithin(Duration.ofSeconds(3));
        assertThat(rig.receivedIds())
                .as("sample ids in the order the consumer got them; the samples arrived in the order 7,2,5,0,3,6,1,4. "
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
        for (int id : List.of(0, 2, 1, 3)) {
            rig.source.complete(id);
            rig.awaitSettled();
        }

        // Transforms finish in the order 2, 0, 3, 1: each time, the first of these that is running is let through.
        List<Integer> plan = new ArrayList<>(List.of(2, 0, 3, 1));
        List<Integer> finished = new ArrayList<>();
        boolean heldBackSeen = false;
        while (!plan.isEmpty()) {
            rig.awaitSettled();
            int id = plan.stream().filter(rig.transform.heldIds()::contains).findFirst()
                    .orElseThrow(() -> new AssertionError("no transform is running (transforms started: "
                            + rig.transform.startedIds() + "); every sample has arrived, and stage 2 is parts B and C"));
            plan.remove((Integer) id);
            rig.transform.release(id);
            rig.awaitTransformFinished(id);
            finished.add(id);
            List<Integer> due = IntStream.range(0, 4).takeWhile(finished::contains).boxed().toList();
            if (due.contains(id)) {
                eventually(() -> assertThat(rig.receivedIds())
                        .as("results received once transforms %s had finished, in that order: every result whose "
                                + "earlier ones are all out is due now, not when the run ends (a result that waited in "
                                + "the reorder buffer goes out as soon as the one it waited for does)", finished)
                        .containsExactlyElementsOf(due));
            } else if (!heldBackSeen) {
                heldBackSeen = true;
                staysSo(() -> assertThat(rig.receivedIds())
                        .as("results received once transforms %s had finished, in that order: result %d must wait "
                                + "for the results before it (emitting in completion order breaks input order)",
                                finished, id)
                        .containsExactlyElementsOf(due));
            }
        }

        assertThat(run).as("the run, once every transform finished").succeedsWithin(Duration.ofSeconds(3));
        assertThat(rig.receivedIds()).as("all results").containsExactly(0, 1, 2, 3);
    }
}
