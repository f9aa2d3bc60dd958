package course.threadedio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NotWrittenYet.class)
@ExtendWith(TimelineExtension.class)
@Tag("part:D")
@DisplayName("D. Log aggregator: edge cases")
class LogAggregatorEdgeCasesTest {

    @TempDir
    Path logs;

    private final RecordingThreadFactory readers = new RecordingThreadFactory("ex02-reader").recordingLanes();

    @Test
    @Tag("points:1.5")
    @DisplayName("an empty directory gives an empty summary")
    void emptyDirectory() throws Exception {
        LogSummary summary = LogAggregator.aggregate(logs, 4, readers);

        assertThat(summary.filesRead()).as("files read").isZero();
        assertThat(summary.countsByLevel()).as("lines per level")
                .isEqualTo(new LogSummary(0, Map.of(), null, 0, List.of()).countsByLevel());
        assertThat(summary.slowest()).as("the slowest request of no request").isNull();
        assertThat(summary.malformedLines()).as("malformed lines").isZero();
        assertThat(summary.unreadableFiles()).as("unreadable files").isEmpty();
    }

    @Test
    @Tag("points:2")
    @DisplayName("16 files on 4 threads: read on more than one and at most 4 threads of the factory, none left alive")
    void readsOnTheGivenPool() throws Exception {
        for (int file = 0; file < 16; file++) {
            LogFiles.write(logs, "f" + file + ".log", List.of(LogFiles.line(LogLevel.INFO, "r" + file, file)));
        }

        LogSummary summary = LogAggregator.aggregate(logs, 4, readers);

        assertThat(summary.filesRead()).as("files read").isEqualTo(16);
        assertThat(readers.created())
                .as("threads made by the threadFactory argument: the files are read on a pool of 4 of them"
                        + " (Executors.newFixedThreadPool(threads, threadFactory)), so more than 1, at most 4")
                .isBetween(2, 4);
        assertThat(readers.stillAliveAfter(Duration.ofSeconds(1)))
                .as("reader threads still alive 1 s after aggregate returned: shut the pool down").isEmpty();
    }

    @Test
    @Tag("points:1")
    @DisplayName("a directory that does not exist makes aggregate throw an IOException")
    void missingDirectory() {
        Throwable thrown = catchThrowable(() -> LogAggregator.aggregate(logs.resolve("nope"), 4, readers));

        if (thrown instanceof UnsupportedOperationException todo) {
            throw todo;
        }
        assertThat(thrown).as("what aggregate threw for a directory that does not exist")
                .isInstanceOf(IOException.class);
    }

    @Test
    @Tag("points:2")
    @DisplayName("only the .log files directly in the directory are read: other files and subdirectories are left alone")
    void onlyLogFilesInTheDirectory() throws Exception {
        LogFiles.write(logs, "app.log", List.of(LogFiles.line(LogLevel.WARN, "r1", 10)));
        LogFiles.write(logs, "notes.txt", List.of("not a log line", "neither is this"));
        Path archive = Files.createDirectory(logs.resolve("archive"));
        LogFiles.write(archive, "old.log", List.of(LogFiles.line(LogLevel.ERROR, "r0", 99_999)));
        Path rotated = Files.createDirectory(logs.resolve("rotated.log")); // a directory, though its name ends in .log
        LogFiles.write(rotated, "part-1.log", List.of(LogFiles.line(LogLevel.ERROR, "r2", 88_888)));

        LogSummary summary = LogAggregator.aggregate(logs, 4, readers);

        assertThat(summary.filesRead()).as("files read: only app.log (notes.txt is not a .log file,"
                + " archive/old.log and rotated.log/part-1.log are in subdirectories)").isEqualTo(1);
        assertThat(summary.malformedLines()).as("malformed lines: notes.txt must not be read").isZero();
        assertThat(summary.slowest()).as("the slowest request: the files in subdirectories must not be read")
                .isEqualTo(new SlowRequest("r1", 10, "app.log"));
        assertThat(summary.unreadableFiles())
                .as("unreadable files: rotated.log is a directory, not a log file, so it is left alone rather"
                        + " than read (and reported unreadable); check that it is a regular file, not only its name")
                .isEmpty();
    }
}
