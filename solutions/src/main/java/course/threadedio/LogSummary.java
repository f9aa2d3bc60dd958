package course.threadedio;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link LogAggregator#aggregate} returns.
 *
 * @param filesRead       log files read to the end
 * @param countsByLevel   well-formed lines per level, over every file read (every level is a key;
 *                        levels that never occur count 0)
 * @param slowest         the request with the longest duration, or {@code null} if there was none
 * @param malformedLines  lines {@link LogLine#parse} rejected, over every file read
 * @param unreadableFiles names of the files that could not be read, sorted
 */
public record LogSummary(
        int filesRead,
        Map<LogLevel, Long> countsByLevel,
        SlowRequest slowest,
        long malformedLines,
        List<String> unreadableFiles) {

    public LogSummary {
        Map<LogLevel, Long> everyLevel = new EnumMap<>(LogLevel.class);
        for (LogLevel level : LogLevel.values()) {
            everyLevel.put(level, countsByLevel.getOrDefault(level, 0L));
        }
        countsByLevel = Collections.unmodifiableMap(everyLevel);
        unreadableFiles = unreadableFiles.stream().sorted().toList();
    }
}
