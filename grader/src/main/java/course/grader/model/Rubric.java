package course.grader.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module's {@code rubric.properties}: its title, its parts with their points, and
 * {@code gate.allow}: what the module's code may call beyond what the grader's static gate allows
 * (comma-separated {@code java.some.Type} or {@code java.some.Type#method}).
 */
public record Rubric(String title, Map<String, Part> parts, Set<String> gateAllowed) {

    public record Part(String id, String title, double points) {
    }

    private static final Pattern PART_KEY = Pattern.compile("part\\.([A-Za-z0-9]+)\\.(title|points)");

    public static Rubric read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, String> points = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
            Matcher m = PART_KEY.matcher(key);
            if (m.matches()) {
                (m.group(2).equals("title") ? titles : points).put(m.group(1), properties.getProperty(key).strip());
            } else if (!key.equals("module.title") && !key.equals("gate.allow")) {
                problems.add("unknown key '" + key + "'");
            }
        }
        Map<String, Part> parts = new LinkedHashMap<>();
        for (String id : titles.keySet().stream().sorted().toList()) {
            if (!points.containsKey(id)) {
                problems.add("part." + id + ".points is missing");
                continue;
            }
            try {
                parts.put(id, new Part(id, titles.get(id), Double.parseDouble(points.get(id))));
            } catch (NumberFormatException e) {
                problems.add("part." + id + ".points is not a number: '" + points.get(id) + "'");
            }
        }
        points.keySet().stream().filter(id -> !titles.containsKey(id))
                .forEach(id -> problems.add("part." + id + ".title is missing"));
        if (!problems.isEmpty()) {
            throw new IOException(file + ": " + String.join("; ", problems));
        }
        Set<String> allowed = Arrays.stream(properties.getProperty("gate.allow", "").split(",")).map(String::strip)
                .filter(entry -> !entry.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new Rubric(properties.getProperty("module.title", file.getParent().getFileName().toString()), parts, allowed);
    }

    public double totalPoints() {
        return parts.values().stream().mapToDouble(Part::points).sum();
    }
}
