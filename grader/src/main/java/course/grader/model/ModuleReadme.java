package course.grader.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module's README, read for its part sections: headings such as {@code ## A. Batch fetch (30 points)}
 * or {@code ### Part A: download stage (12 points)}.
 */
public record ModuleReadme(Path file, List<String> lines) {

    /** A part's section: its heading as written and its line number (1-based). */
    public record Section(String heading, int line, Double points) {
    }

    private static final Pattern PART_HEADING = Pattern.compile("^#{2,4}\\s+(?:Part\\s+)?([A-Z])[.:]\\s.*$");
    private static final Pattern POINTS = Pattern.compile("\\((\\d+(?:\\.\\d+)?) points?\\)");

    /** The README of {@code module}, or empty when it has none. */
    public static Optional<ModuleReadme> of(CourseModule module) throws IOException {
        Path file = module.dir().resolve("README.md");
        return Files.isRegularFile(file) ? Optional.of(new ModuleReadme(file, Files.readAllLines(file))) : Optional.empty();
    }

    /** The sections of the parts, by part id, in order. */
    public Map<String, Section> parts() {
        Map<String, Section> parts = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher m = PART_HEADING.matcher(line);
            if (m.matches()) {
                Matcher points = POINTS.matcher(line);
                parts.putIfAbsent(m.group(1), new Section(line.replaceFirst("^#+\\s+", ""), i + 1,
                        points.find() ? Double.valueOf(points.group(1)) : null));
            }
        }
        return parts;
    }
}
