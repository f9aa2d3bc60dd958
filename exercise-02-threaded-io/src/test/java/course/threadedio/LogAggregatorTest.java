package course.threadedio;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NotWrittenYet.class)
@ExtendWith(TimelineExtension.class)
@Tag("part:D")
@DisplayName("D. Log aggregator")
class LogAggregatorTest {

    @TempDir
    Path logs;

    private final RecordingThreadFactory readers = new RecordingThreadFactory("ex02-reader").recordingLanes();
    private final Map<LogLevel, Long> expected = new EnumMap<>(LogLevel.class);

    @Test
    @Tag("points:3")
    @DisplayName("12 log files: lines counted per level, and the slowest request found with its file")
    void countsPerLevelAndSlowestRequest() throws Exception {
        for (int file = 0; file < 12; file++) {
            List<String> lines = new ArrayList<>();
            for (int n = 0; n < 20; n++) {
                lines.add(wellFormed(LogLevel.values()[(file + n) % 4], "req-" + file + "-" + n, 10 + (file * 20 + n) % 500));
            }
            if (file == 7) {
                lines.add(wellFormed(LogLevel.ERROR, "req-slowest", 9_999));
            }
            LogFiles.write(logs, "app-%02d.log".formatted(file), lines);
        }

        LogSummary summary = LogAggregator.aggregate(logs, 4, readers);

        assertThat(summary.filesRead()).as("files read").isEqualTo(12);
        assertThat(summary.countsByLevel()).as("well-formed lines per level, over all files")
                .isEqualTo(expectedCounts());
        assertThat(summary.slowest()).as("the slowest request, with the name of its file")
                .isEqualTo(new SlowRequest("req-slowest", 9_999, "app-07.log"));
        assertThat(summary.malformedLines()).as("malformed lines").isZero();
        assertThat(summary.unreadableFiles()).as("unreadable files").isEmpty();
    }

    @Test
    @Tag("points:3")
    @DisplayName("malformed lines and an unreadable file are counted and reported; the other files are still summed")
    void malformedLinesAndUnreadableFilesAreNotFatal() throws Exception {
        for (int file = 0; file < 5; file++) {
            List<String> lines = new ArrayList<>();
            for (int n = 0; n < 10; n++) {
                lines.add(wellFormed(n % 3 == 0 ? LogLevel.WARN : LogLevel.INFO, "ok-" + file + "-" + n, 100 + file * 10 + n));
            }
            LogFiles.write(logs, "ok-" + file + ".log", lines);
        }
        LogFiles.write(logs, "mixed.log", List.of(
                wellFormed(LogLevel.DEBUG, "mixed-1", 5),
                "not a log line at all",
                "",
                "2025-03-01T12:00:00Z TRACE req-x 5ms an unknown level",
                "2025-03-01T12:00:00Z INFO req-y 12 a duration without ms",
                wellFormed(LogLevel.ERROR, "mixed-2", 700)));
        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        for (int n = 0; n < 200; n++) { // more than a reader's buffer: a reader that streams lines meets these first
            broken.writeBytes((LogFiles.line(LogLevel.ERROR, "req-in-broken-file-" + n, 99_999 - n) + "\n").getBytes(UTF_8));
        }
        broken.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, '\n'}); // not valid UTF-8
        broken.writeBytes((LogFiles.line(LogLevel.ERROR, "req-after-the-bad-bytes", 5) + "\n").getBytes(UTF_8));
        LogFiles.writeBytes(logs, "broken.log", broken.toByteArray());

        LogSummary summary = LogAggregator.aggregate(logs, 4, readers);

        assertThat(summary.unreadableFiles())
                .as("unreadable files: broken.log is not valid UTF-8, so reading it (Files.readAllLines)"
                        + " throws an IOException; catch it in the task and report the file")
                .containsExactly("broken.log");
        assertThat(summary.filesRead()).as("files read to the end").isEqualTo(6);
        assertThat(summary.malformedLines()).as("malformed lines in mixed.log").isEqualTo(4);
        assertThat(summary.countsByLevel())
                .as("well-formed lines per level; broken.log counts for nothing, not even the 200 lines before"
                        + " its bad bytes: a reader that counts line by line has counted them before it fails."
                        + " Count a file only once it has been read to the end (Files.readAllLines)")
                .isEqualTo(expectedCounts());
        assertThat(summary.slowest())
                .as("the slowest request among the readable files (the 99,999 ms one is in broken.log)")
                .isEqualTo(new SlowRequest("mixed-2", 700, "mixed.log"));
    }

    @Test
    // room for its 8 runs (Hammer.everyRound) on a busy machine
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    @Tag("points:3.5")
    @DisplayName("8 files of 4,000 lines read by 8 threads at once: the totals are exact, run after run (8 runs)")
    void totalsAreExactUnderConcurrency() throws Exception {
        Random random = new Random(42);
        long malformed = 0;
        int files = 8; // one per thread, long enough that the readers overlap even on a busy machine
        int slowFile = random.nextInt(files);
        for (int file = 0; file < files; file++) {
            List<String> lines = new ArrayList<>(4_000);
            for (int n = 0; n < 4_000; n++) {
                if (n % 50 == 49) {
                    lines.add("garbage " + file + "/" + n);
                    malformed++;
                } else {
                    lines.add(wellFormed(LogLevel.values()[random.nextInt(4)], "r" + file + "-" + n, 1 + random.nextInt(5_000)));
                }
            }
            if (file == slowFile) {
                lines.add(wellFormed(LogLevel.WARN, "the-slowest", 50_000));
            }
            LogFiles.write(logs, "node-%02d.log".formatted(file), lines);
        }
        Map<LogLevel, Long> counts = expectedCounts();
        long malformedLines = malformed;

        SlowRequest slowest = new SlowRequest("the-slowest", 50_000, "node-%02d.log".formatted(slowFile));
        Timeline.current().bound("reader threads", 8);
        // A lost update needs two readers on two cores at the same moment, and on a busy machine
        // some runs never get one: all 8 runs happen however long they take, so a racy merge has
        // 8 chances to show.
        Hammer.everyRound(8, run -> {
            LogSummary summary;
            try {
                // the 8 readers begin together, so that their updates overlap even on a busy machine
                summary = LogAggregator.aggregate(logs, 8, new RecordingThreadFactory("ex02-reader-" + run)
                        .recordingLanes().startingTogether(files));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!summary.countsByLevel().equals(counts) || summary.malformedLines() != malformedLines
                    || !slowest.equals(summary.slowest()) || summary.filesRead() != files) {
                Timeline.current().broke("run " + run + ": the totals differ from the files' (lines per level "
                        + summary.countsByLevel() + ", expected " + counts + ")");
            }
            String hint = "run " + run + ", same " + files + " files. Lost or wrong totals mean the reading tasks"
                    + " updated shared state (a HashMap, a counter, a 'slowest' field) without"
                    + " synchronisation. Let each task return its own partial result and merge the"
                    + " partials on one thread";
            assertThat(summary.countsByLevel()).as("lines per level; %s", hint).isEqualTo(counts);
            assertThat(summary.malformedLines()).as("malformed lines; %s", hint).isEqualTo(malformedLines);
            assertThat(summary.slowest()).as("the slowest request; %s", hint).isEqualTo(slowest);
            assertThat(summary.filesRead()).as("files read; %s", hint).isEqualTo(files);
        });
    }

    /** A well-formed line, counted in {@link #expected}. */
    private String wellFormed(LogLevel level, String requestId, long millis) {
        expected.merge(level, 1L, Long::sum);
        return LogFiles.line(level, requestId, millis);
    }

    /** The well-formed lines written so far, per level, every level a key (as in a LogSummary). */
    private Map<LogLevel, Long> expectedCounts() {
        return new LogSummary(0, expected, null, 0, List.of()).countsByLevel();
    }
}
