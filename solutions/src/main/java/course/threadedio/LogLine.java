package course.threadedio;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One line of a request log, for example
 * {@code 2025-03-01T12:00:00Z INFO req-17 153ms GET /items}: a timestamp, a level, a request
 * id, the request's duration in milliseconds and a free-text message (which may be empty).
 */
public record LogLine(String timestamp, LogLevel level, String requestId, long durationMillis, String message) {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The line parsed, or empty if it is malformed (blank lines too). */
    public static Optional<LogLine> parse(String line) {
        String[] fields = SPACES.split(line.strip(), 5);
        if (fields.length < 4 || !fields[3].endsWith("ms")) {
            return Optional.empty();
        }
        try {
            LogLevel level = LogLevel.valueOf(fields[1]);
            long duration = Long.parseLong(fields[3], 0, fields[3].length() - 2, 10);
            if (duration < 0) {
                return Optional.empty();
            }
            return Optional.of(new LogLine(fields[0], level, fields[2], duration, fields.length == 5 ? fields[4] : ""));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // an unknown level, or a duration that is not a number
        }
    }

    /** This line in the format {@link #parse} reads. */
    public String format() {
        return timestamp + " " + level + " " + requestId + " " + durationMillis + "ms"
                + (message.isEmpty() ? "" : " " + message);
    }
}
