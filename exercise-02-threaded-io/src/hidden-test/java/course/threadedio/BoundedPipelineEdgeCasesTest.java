package course.threadedio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part:C")
@DisplayName("C. Producer–consumer with backpressure: edge cases")
class BoundedPipelineEdgeCasesTest {

    private final RecordingThreadFactory consumerThreads = new RecordingThreadFactory("ex02-consumer");
    private RecordingHandler handler = RecordingHandler.immediate();

    @AfterEach
    void releaseTheFake() {
        handler.release();
    }

    @Test
    @Tag("points:2")
    @DisplayName("3 consumers work at the same time: 3 items are in the handler at once, never more")
    void consumersWorkInParallel() throws InterruptedException {
        handler = RecordingHandler.waitingForCompany(3);

        PipelineReport report = BoundedPipeline.run(
                new CountingSource(30), 4, 3, handler, consumerThreads, Duration.ofSeconds(2));

        assertThat(handler.maxInHandler())
                .as("the most items handled at the same moment by 3 consumers (each handler waited for"
                        + " the others): fewer than 3 means the consumers do not run concurrently")
                .isEqualTo(3);
        assertThat(handler.missing(30, Set.of())).as("items never handled").isEmpty();
        assertThat(report.processed()).as("report.processed").isEqualTo(30);
    }

    @Test
    @Tag("points:2")
    @DisplayName("an empty source: nothing produced or processed, and every consumer stops")
    void emptySource() throws InterruptedException {
        Background<PipelineReport> call = Background.start("run", () -> BoundedPipeline.run(
                Collections.<Integer>emptyIterator(), 4, 3, handler, consumerThreads, Duration.ofSeconds(10)));

        PipelineReport report = call.result("With nothing to produce, the consumers must still get their"
                + " poison pills and stop.");

        assertThat(report.produced()).as("report.produced").isZero();
        assertThat(report.processed()).as("report.processed").isZero();
        assertThat(report.stuckConsumers()).as("consumers reported stuck").isEmpty();
        assertThat(consumerThreads.stillAliveAfter(Duration.ofSeconds(1)))
                .as("consumer threads still alive after run returned").isEmpty();
    }

    @Test
    @Tag("points:3")
    @DisplayName("capacity 1 and one consumer: every item is handled, in the order it was produced")
    void capacityOneKeepsTheOrder() throws InterruptedException {
        PipelineReport report = BoundedPipeline.run(
                new CountingSource(50), 1, 1, handler, consumerThreads, Duration.ofSeconds(2));

        assertThat(handler.handledInOrder())
                .as("the items in the order one consumer handled them; a queue is first-in first-out")
                .containsExactlyElementsOf(IntStream.range(0, 50).boxed().toList());
        assertThat(report.produced()).as("report.produced").isEqualTo(50);
        assertThat(report.processed()).as("report.processed").isEqualTo(50);
    }

    @Test
    @Tag("points:3")
    @DisplayName("two consumers stuck: both are interrupted and named, and the third handles everything else")
    void twoStuckConsumers() throws InterruptedException {
        handler = RecordingHandler.blocking(item -> item == 2 || item == 5);
        Background<PipelineReport> call = Background.start("run", () -> BoundedPipeline.run(
                new CountingSource(12), 4, 3, handler, consumerThreads, Duration.ofMillis(500)));

        PipelineReport report = call.result("Two handlers never return; run must still come back after the"
                + " shutdown timeout, with both of their consumers interrupted.");

        assertThat(handler.interrupted()).as("items whose handler was interrupted").containsExactlyInAnyOrder(2, 5);
        assertThat(report.stuckConsumers()).as("the consumers named stuck: those handling items 2 and 5")
                .containsExactlyInAnyOrder(handler.threadOf(2), handler.threadOf(5));
        assertThat(handler.missing(12, Set.of(2, 5))).as("items never handled, items 2 and 5 aside").isEmpty();
        assertThat(report.processed()).as("report.processed").isEqualTo(10);
        assertThat(consumerThreads.stillAliveAfter(Duration.ofSeconds(1)))
                .as("consumer threads still alive 1 s after run returned").isEmpty();
    }
}
