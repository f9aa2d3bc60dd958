package course.threadedio;

import static course.threadedio.Waits.eventually;
import static course.threadedio.Waits.staysSo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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
@DisplayName("A. Pooled downloads")
class PooledDownloadTest {

    private static final List<Integer> THIRTY = IntStream.range(0, 30).boxed().toList();

    private final RecordingThreadFactory poolThreads = new RecordingThreadFactory("ex02-download");
    private FakeStore store = FakeStore.immediate();

    @AfterEach
    void releaseTheFake() {
        store.releaseAll();
    }

    @Test
    @Tag("points:3")
    @DisplayName("30 downloads on a pool of 8: exactly 8 run at once while none can finish, and no 9th starts")
    void runsExactlyPoolSizeDownloadsAtOnce() {
        store = FakeStore.holding(id -> true).allowingInFlight(8);
        Background<DownloadSummary> call = Background.start("downloadAll",
                () -> PooledDownloader.downloadAll(store, THIRTY, 8, poolThreads));

        call.awaitWhileRunning("8 downloads to start", () -> store.started() >= 8, store::describe);
        staysSo(() -> assertThat(store.started())
                .as("downloads started while the first 8 were all still blocked (%s). The pool has 8 threads,"
                        + " so a 9th may start only when one of them finishes; more than 8 usually means a new"
                        + " thread per download or an unbounded pool", store.describe())
                .isEqualTo(8));
        assertThat(store.inFlight()).as("downloads in flight (%s)", store.describe()).isEqualTo(8);

        store.releaseAll();
        DownloadSummary summary = call.result();
        assertThat(summary.completed()).as("downloads completed").isEqualTo(30);
        assertThat(store.maxInFlight())
                .as("the most downloads in flight at once; the pool size is 8").isEqualTo(8);
    }

    @Test
    @Tag("points:3")
    @DisplayName("the hashes come back in the order of the ids, even when the downloads finish in reverse order")
    void hashesInInputOrder() {
        List<Integer> ids = List.of(31, 4, 15, 9, 26, 5, 35, 8, 97, 2);
        store = FakeStore.holding(id -> true).allowingInFlight(ids.size());
        Background<DownloadSummary> call = Background.start("downloadAll",
                () -> PooledDownloader.downloadAll(store, ids, ids.size(), poolThreads));

        call.awaitWhileRunning("all 10 downloads to start", () -> store.started() == 10, store::describe);
        for (int id : ids.reversed()) {
            store.release(id);
            eventually("download " + id + " completes once the test releases it",
                    () -> store.completed().contains(id));
        }
        DownloadSummary summary = call.result();

        assertThat(summary.completed()).as("downloads completed").isEqualTo(10);
        assertThat(summary.firstHashes())
                .as("the first 5 hashes for the ids %s. The downloads finished in reverse order (id 2 first,"
                        + " then 97, 8, ...); hashes in that order mean they were collected as downloads"
                        + " finished. Keep the futures in a list and read them in the order you submitted them",
                        ids)
                .containsExactlyElementsOf(ids.subList(0, 5).stream().map(FakeStore::hashOf).toList());
    }

    @Test
    @Tag("points:3")
    @DisplayName("downloads run on threads of the given ThreadFactory, and none of them is alive after downloadAll returns")
    void poolIsShutDownWhenTheCallReturns() throws Exception {
        DownloadSummary summary = PooledDownloader.downloadAll(store, THIRTY, 8, poolThreads);

        assertThat(summary.completed()).as("downloads completed").isEqualTo(30);
        assertThat(summary.firstHashes()).as("the first 5 hashes")
                .containsExactlyElementsOf(THIRTY.subList(0, 5).stream().map(FakeStore::hashOf).toList());
        assertThat(store.threads()).as("the threads the downloads ran on").isNotEmpty();
        List<String> strangers = store.threads().stream().filter(thread -> !poolThreads.made(thread)).map(Thread::getName)
                .sorted().toList();
        assertThat(strangers.size())
                .as("downloads ran on %d thread(s) that the threadFactory argument did not make (%s%s). Every"
                        + " download must run on the pool made from it: Executors.newFixedThreadPool(poolSize,"
                        + " threadFactory)", strangers.size(), String.join(", ", strangers.stream().limit(3).toList()),
                        strangers.size() > 3 ? ", ..." : "")
                .isZero();
        assertThat(poolThreads.stillAliveAfter(Duration.ofSeconds(1)))
                .as("pool threads still alive 1 s after downloadAll returned. Shut the pool down before"
                        + " returning: try-with-resources on the ExecutorService does it")
                .isEmpty();
    }

    @Test
    @Tag("points:2.5")
    @DisplayName("a failing download is reported with its id, not swallowed, and the pool is still shut down")
    void failingDownloadIsReported() throws Exception {
        store = FakeStore.failing(id -> id == 13);

        Throwable thrown = catchThrowable(() -> PooledDownloader.downloadAll(store, THIRTY, 8, poolThreads));

        if (thrown instanceof UnsupportedOperationException todo) {
            throw todo;
        }
        assertThat(thrown)
                .as("downloadAll returned normally although the download of item 13 failed: was the"
                        + " ExecutionException caught and ignored?")
                .isNotNull();
        assertThat(thrown).as("what downloadAll threw when item 13 failed")
                .isInstanceOf(DownloadFailedException.class);
        assertThat(((DownloadFailedException) thrown).itemId()).as("the id the exception names").isEqualTo(13);
        assertThat(thrown.getCause()).as("the cause: the store's own IOException")
                .isInstanceOf(IOException.class)
                .hasMessageContaining("item 13");
        assertThat(poolThreads.stillAliveAfter(Duration.ofSeconds(1)))
                .as("pool threads still alive 1 s after downloadAll threw; the pool must be shut down on"
                        + " this way out too (try-with-resources covers every way out)")
                .isEmpty();
    }
}
