package course.threadedio;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes log files for part D's tests. */
final class LogFiles {

    private static final String TIMESTAMP = "2025-03-01T12:00:00Z";

    private LogFiles() {
    }

    /** A well-formed line. */
    static String line(LogLevel level, String requestId, long millis) {
        return new LogLine(TIMESTAMP, level, requestId, millis, "GET /items").format();
    }

    static Path write(Path directory, String name, List<String> lines) {
        try {
            return Files.write(directory.resolve(name), lines, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeBytes(Path directory, String name, byte[] content) {
        try {
            return Files.write(directory.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
