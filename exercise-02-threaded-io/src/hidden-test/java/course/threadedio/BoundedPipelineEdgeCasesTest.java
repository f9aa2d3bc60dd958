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
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NotWrittenYet.class)
@ExtendWith(TimelineExtension.class)
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
    @Tag("points:1")
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
    @Tag("points:1")
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
    @Tag("points:1")
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
    @Tag("points:1")
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

    @Test
    @Tag("points:2")
    @DisplayName("both consumers stuck and the queue full when the source ends: run still returns after the shutdown timeout, with both interrupted and named")
    void stuckConsumersWithAFullQueue() throws InterruptedException {
        handler = RecordingHandler.blocking(item -> true);
        CountingSource source = new CountingSource(4); // 2 items in the stuck handlers, 2 fill the queue
        Background<PipelineReport> call = Background.start("run", () -> BoundedPipeline.run(
                source, 2, 2, handler, consumerThreads, Duration.ofMillis(300)));

        PipelineReport report = call.result("Both handlers never return and the queue (capacity 2) is full when"
                + " the source ends, so there is no room for a poison pill: put() waits forever. Send the pills"
                + " with offer(pill, time limit), or use a close signal that needs no room in the queue, then"
                + " interrupt the consumers still running. run must return in every case.");

        assertThat(handler.interrupted()).as("items whose handler was interrupted").containsExactlyInAnyOrder(0, 1);
        assertThat(report.stuckConsumers()).as("the consumers named stuck: both")
                .containsExactlyInAnyOrder(handler.threadOf(0), handler.threadOf(1));
        assertThat(report.produced()).as("report.produced").isEqualTo(4);
        assertThat(report.processed()).as("report.processed: no handler returned").isZero();
        assertThat(consumerThreads.stillAliveAfter(Duration.ofSeconds(1)))
                .as("consumer threads still alive 1 s after run returned. An interrupted consumer must stop: one"
                        + " that catches the InterruptedException and takes the next item blocks again")
                .isEmpty();
    }

    @Test
    @Tag("points:1")
    @DisplayName("the items still queued when the source ends are all handled before the consumers stop")
    void itemsQueuedAtTheEndAreHandled() throws InterruptedException {
        handler = RecordingHandler.blocking(item -> item < 2);
        CountingSource source = new CountingSource(8);
        Background<PipelineReport> call = Background.start("run", () -> BoundedPipeline.run(
                source, 8, 2, handler, consumerThreads, Duration.ofSeconds(2)));

        call.awaitWhileRunning("the source to run out while both consumers are blocked",
                source::exhausted, () -> source.taken() + " items taken from the source");
        call.awaitCallerBlocked(Duration.ofMillis(500)); // the producer has told the consumers to stop
        handler.release();
        PipelineReport report = call.result();

        assertThat(handler.missing(8, Set.of()))
                .as("items never handled: items 2 to 7 were still in the queue when the source ran out. Consumers"
                        + " must handle everything queued before their stop message; a consumer that stops as soon"
                        + " as a 'done' flag is set, or a pill put in front of the queue, drops them")
                .isEmpty();
        assertThat(report.processed()).as("report.processed").isEqualTo(8);
        assertThat(report.stuckConsumers()).as("consumers reported stuck").isEmpty();
    }

    @Test
    @Tag("points:1")
    @DisplayName("8 consumers stuck: run returns within about twice the shutdown timeout, not once per consumer")
    void manyStuckConsumersShareOneDeadline() throws InterruptedException {
        handler = RecordingHandler.blocking(item -> true);
        CountingSource source = new CountingSource(8);
        Duration timeout = Duration.ofMillis(250);
        Background<PipelineReport> call = Background.start("run", () -> BoundedPipeline.run(
                source, 8, 8, handler, consumerThreads, timeout));

        PipelineReport report = call.result("All 8 handlers never return; with a 250 ms shutdown timeout run must"
                + " come back well within a second.");

        long tookMillis = (call.endedAtNanos() - source.exhaustedAtNanos()) / 1_000_000;
        assertThat(report.stuckConsumers()).as("consumers named stuck").hasSize(8);
        assertThat(tookMillis)
                .as("milliseconds from the end of the source until run returned, with 8 stuck consumers and a 250"
                        + " ms shutdown timeout. Waiting for each consumer in turn with join(timeout) takes 8 x"
                        + " 250 ms; take one deadline (now + timeout) and wait for each consumer only until then")
                .isLessThan(4 * timeout.toMillis());
    }

    @Test
    @Tag("points:0.5")
    @DisplayName("a source that answers late: the consumers wait for it instead of stopping on an empty queue")
    void consumersWaitForALateSource() throws InterruptedException {
        CountingSource source = CountingSource.pausingBefore(5, 10);
        Background<PipelineReport> call = Background.start("run", () -> BoundedPipeline.run(
                source, 4, 2, handler, consumerThreads, Duration.ofSeconds(2)));

        call.awaitWhileRunning("items 0 to 4 to be handled while the source pauses before item 5",
                () -> handler.missing(5, Set.of()).isEmpty(), () -> "handled " + handler.handledInOrder());
        assertThat(consumerThreads.stillAliveAfter(Duration.ofMillis(600)))
                .as("consumer threads alive while the source paused for 600 ms with more items to come. A consumer"
                        + " stops at its poison pill only; one that stops when poll(timeout) finds the queue empty"
                        + " leaves the later items to nobody")
                .hasSize(2);
        source.resume();
        PipelineReport report = call.result("The source went on after its pause; are the consumers still there?");

        assertThat(handler.missing(10, Set.of())).as("items never handled").isEmpty();
        assertThat(report.processed()).as("report.processed").isEqualTo(10);
    }
}
