package course.threadedio;

import static course.threadedio.Waits.staysSo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NotWrittenYet.class)
@ExtendWith(TimelineExtension.class)
@Tag("part:C")
@DisplayName("C. Producer–consumer with backpressure")
class BoundedPipelineTest {

    private final RecordingThreadFactory consumerThreads = new RecordingThreadFactory("ex02-consumer");
    private RecordingHandler handler = RecordingHandler.immediate();

    @AfterEach
    void releaseTheFake() {
        handler.release();
    }

    @Test
    @Tag("points:2.5")
    @DisplayName("1,000 items through 4 consumers: every item is handled exactly once")
    void everyItemHandledExactlyOnce() throws InterruptedException {
        PipelineReport report = BoundedPipeline.run(
                new CountingSource(1_000), 8, 4, handler, consumerThreads, Duration.ofSeconds(2));

        assertThat(handler.missing(1_000, Set.of())).as("items never handled (lost)").isEmpty();
        assertThat(handler.duplicates()).as("items handled more than once, with how often").isEmpty();
        assertThat(report.produced()).as("report.produced").isEqualTo(1_000);
        assertThat(report.processed()).as("report.processed").isEqualTo(1_000);
        assertHandledOnConsumerThreads();
    }

    @Test
    @Tag("points:3.5")
    @DisplayName("backpressure: while the consumers are blocked and the queue is full, the producer waits and drops nothing")
    void fullQueueMakesTheProducerWait() {
        handler = RecordingHandler.blocking(item -> true);
        int atMost = 3 + 5 + 1; // one per blocked consumer, a full queue, and one the producer holds
        CountingSource source = new CountingSource(40).allowingUnhandled(atMost);
        Background<PipelineReport> call = Background.start("run",
                () -> BoundedPipeline.run(source, 5, 3, handler, consumerThreads, Duration.ofSeconds(2)));

        call.awaitWhileRunning("the 3 consumers to block and the queue of 5 to fill",
                () -> handler.inHandler() >= 3 && source.taken() >= 3 + 5,
                () -> handler.inHandler() + " items in the handlers, " + source.taken() + " taken from the source");
        Runnable noMore = () -> assertThat(source.taken())
                .as("items the producer took from the source while 3 consumers were blocked and the queue"
                        + " (capacity 5) was full. It should wait in BlockingQueue.put once the queue is full;"
                        + " taking more means the queue is unbounded or items were dropped (offer returning"
                        + " false)")
                .isLessThanOrEqualTo(atMost);
        noMore.run(); // at once: an unbounded queue has taken everything by now
        staysSo(noMore::run);

        handler.release();
        PipelineReport report = call.result();
        assertThat(handler.missing(40, Set.of()))
                .as("items never handled: dropped by the producer when the queue was full?").isEmpty();
        assertThat(handler.duplicates()).as("items handled more than once, with how often").isEmpty();
        assertThat(report.produced()).as("report.produced").isEqualTo(40);
        assertThat(report.processed()).as("report.processed").isEqualTo(40);
        assertHandledOnConsumerThreads();
    }

    @Test
    @Tag("points:2.5")
    @DisplayName("after the last item every consumer stops by itself (poison pill): none is interrupted or left running")
    void consumersStopAtThePoisonPill() throws InterruptedException {
        Background<PipelineReport> call = Background.start("run", () -> BoundedPipeline.run(
                new CountingSource(30), 4, 3, handler, consumerThreads, Duration.ofSeconds(10)));

        PipelineReport report = call.result(
                "Every item was handled, yet the consumers had not stopped: each needs its own poison pill"
                        + " (or a close signal) and must return when it takes it. (The shutdown timeout here"
                        + " is 10 s, so interrupting them after it does not count.)");

        assertThat(report.stuckConsumers())
                .as("consumers reported stuck although every handler returned at once; consumers should"
                        + " stop at the poison pill, not need an interrupt")
                .isEmpty();
        assertThat(report.processed()).as("report.processed").isEqualTo(30);
        assertThat(consumerThreads.created()).as("consumer threads made by the threadFactory argument").isEqualTo(3);
        assertThat(consumerThreads.stillAliveAfter(Duration.ofSeconds(1)))
                .as("consumer threads still alive 1 s after run returned").isEmpty();
    }

    @Test
    @Tag("points:3")
    @DisplayName("a consumer stuck in its handler is interrupted after the shutdown timeout and named in the report")
    void stuckConsumerIsInterruptedAndReported() throws InterruptedException {
        handler = RecordingHandler.blocking(item -> item == 3);
        Background<PipelineReport> call = Background.start("run", () -> BoundedPipeline.run(
                new CountingSource(10), 4, 2, handler, consumerThreads, Duration.ofMillis(500)));

        PipelineReport report = call.result(
                "With a 500 ms shutdown timeout, run must return soon after the last item even though the"
                        + " handler of item 3 never returns: wait for the consumers with a time limit"
                        + " (Thread.join(Duration)), then interrupt the ones still running.");

        assertThat(handler.interrupted()).as("items whose handler was interrupted").containsExactly(3);
        assertThat(report.stuckConsumers())
                .as("the consumers named stuck: exactly the one handling item 3")
                .containsExactly(handler.threadOf(3));
        assertThat(handler.missing(10, Set.of(3))).as("items never handled, item 3 aside").isEmpty();
        assertThat(handler.duplicates()).as("items handled more than once").isEmpty();
        assertThat(report.processed()).as("report.processed: every item but the stuck one").isEqualTo(9);
        assertThat(consumerThreads.stillAliveAfter(Duration.ofSeconds(1)))
                .as("consumer threads still alive 1 s after run returned; the stuck one was interrupted"
                        + " and should have stopped")
                .isEmpty();
    }

    /** Every item was handled on a consumer thread that the test's thread factory made. */
    private void assertHandledOnConsumerThreads() {
        assertThat(handler.threads())
                .as("the threads the handler ran on (%s): all must be consumer threads made by the threadFactory"
                        + " argument. The calling thread is the producer only; a producer that handles an item"
                        + " itself when the queue is full (instead of waiting in put) stops producing meanwhile",
                        handler.threads().stream().map(Thread::getName).sorted().toList())
                .isNotEmpty()
                .allMatch(consumerThreads::made);
    }
}
