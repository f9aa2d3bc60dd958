package course.threadedio;

import static course.threadedio.Waits.eventually;
import static course.threadedio.Waits.staysSo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NotWrittenYet.class)
@ExtendWith(TimelineExtension.class)
@Tag("part:A")
@DisplayName("A. Pooled downloads: edge cases")
class PooledDownloadEdgeCasesTest {

    private final RecordingThreadFactory poolThreads = new RecordingThreadFactory("ex02-download");
    private FakeStore store = FakeStore.immediate();

    @AfterEach
    void releaseTheFake() {
        store.releaseAll();
    }

    @Test
    @Tag("points:2")
    @DisplayName("a pool of 1 runs one download at a time")
    void poolOfOne() {
        store = FakeStore.holding(id -> true).allowingInFlight(1);
        List<Integer> ids = List.of(5, 6, 7, 8);
        Background<DownloadSummary> call = Background.start("downloadAll",
                () -> PooledDownloader.downloadAll(store, ids, 1, poolThreads));

        call.awaitWhileRunning("the first download to start", () -> store.started() >= 1, store::describe);
        staysSo(() -> assertThat(store.started())
                .as("downloads started on a pool of 1 while the first was blocked (%s)", store.describe())
                .isEqualTo(1));
        store.releaseAll();

        DownloadSummary summary = call.result();
        assertThat(summary.completed()).as("downloads completed").isEqualTo(4);
        assertThat(summary.firstHashes()).as("the hashes of 4 downloads: all of them, in input order")
                .containsExactlyElementsOf(ids.stream().map(FakeStore::hashOf).toList());
        assertThat(store.maxInFlight()).as("the most downloads in flight at once on a pool of 1").isEqualTo(1);
    }

    @Test
    @Tag("points:1")
    @DisplayName("no ids: nothing completed, no hashes, and no pool thread left")
    void noIds() throws Exception {
        DownloadSummary summary = PooledDownloader.downloadAll(store, List.of(), 8, poolThreads);

        assertThat(summary.completed()).as("downloads completed").isZero();
        assertThat(summary.firstHashes()).as("hashes").isEmpty();
        assertThat(poolThreads.stillAliveAfter(Duration.ofSeconds(1))).as("pool threads still alive").isEmpty();
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("3 ids: all 3 hashes, in input order")
    void fewerIdsThanHashesKept() throws Exception {
        DownloadSummary summary = PooledDownloader.downloadAll(store, List.of(12, 3, 7), 8, poolThreads);

        assertThat(summary.completed()).as("downloads completed").isEqualTo(3);
        assertThat(summary.firstHashes()).as("the hashes of the ids 12, 3, 7, in that order")
                .containsExactly(FakeStore.hashOf(12), FakeStore.hashOf(3), FakeStore.hashOf(7));
    }

    @Test
    @Tag("points:2")
    @DisplayName("30 ids on a pool of 8: the first 5 hashes stay in input order when the other 25 downloads finish first")
    void laterDownloadsFinishingFirst() {
        store = FakeStore.holding(id -> id < 5);
        List<Integer> ids = IntStream.range(0, 30).boxed().toList();
        Background<DownloadSummary> call = Background.start("downloadAll",
                () -> PooledDownloader.downloadAll(store, ids, 8, poolThreads));

        call.awaitWhileRunning("the 25 downloads that are not held to complete",
                () -> store.completed().size() == 25, store::describe);
        store.releaseAll();
        eventually("all 30 downloads complete once the test releases the 5 held ones",
                () -> store.completed().size() == 30);

        DownloadSummary summary = call.result();
        assertThat(summary.completed()).as("downloads completed").isEqualTo(30);
        assertThat(summary.firstHashes())
                .as("the first 5 hashes: ids 0-4 finished last, after 5-29; hashes in completion order"
                        + " would be those of later ids")
                .containsExactlyElementsOf(ids.subList(0, 5).stream().map(FakeStore::hashOf).toList());
    }

    @Test
    @Tag("points:2")
    @DisplayName("a failing download stops the others: downloadAll throws, naming the failing id, while the others are still blocked, and leaves no pool thread")
    void failureStopsTheOtherDownloads() throws Exception {
        List<Integer> ids = IntStream.range(40, 70).boxed().toList(); // item 42 is at position 2
        store = FakeStore.holdingAndFailing(id -> id >= 43, id -> id == 42);
        Background<DownloadSummary> call = Background.start("downloadAll",
                () -> PooledDownloader.downloadAll(store, ids, 8, poolThreads));

        Throwable thrown = call.thrown("Item 42 failed while other downloads were blocked (they would not finish"
                + " for 10 s). On a failure call shutdownNow() before leaving the try block: it interrupts the"
                + " running downloads and drops the queued ones; close() alone waits for all of them.");

        assertThat(thrown)
                .as("what downloadAll threw when the download of item 42 failed (%s); null means it returned"
                        + " normally", store.describe())
                .isInstanceOf(DownloadFailedException.class);
        assertThat(((DownloadFailedException) thrown).itemId())
                .as("the id the exception names: the ids are 40 to 69 and item 42 failed; 2 is its position"
                        + " in the list, not its id")
                .isEqualTo(42);
        assertThat(thrown.getCause()).as("the cause: the store's own IOException").isInstanceOf(IOException.class);
        assertThat(poolThreads.stillAliveAfter(Duration.ofMillis(500)))
                .as("pool threads still alive after downloadAll threw, their downloads still blocked (%s):"
                        + " shutdownNow() interrupts them, so they end and no thread outlives the call",
                        store.describe())
                .isEmpty();
    }
}
