package course.grader;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A module's {@code rubric.properties}: its title and its parts with their points. */
record Rubric(String title, Map<String, Part> parts) {

    record Part(String id, String title, double points) {
    }

    private static final Pattern PART_KEY = Pattern.compile("part\\.([A-Za-z0-9]+)\\.(title|points)");

    static Rubric read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, Double> points = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
            Matcher m = PART_KEY.matcher(key);
            if (m.matches()) {
                String value = properties.getProperty(key).strip();
                if (m.group(2).equals("title")) {
                    titles.put(m.group(1), value);
                } else {
                    try {
                        points.put(m.group(1), Double.parseDouble(value));
                    } catch (NumberFormatException e) {
                        problems.add(key + " is not a number: '" + value + "'");
                    }
                }
            } else if (!key.equals("module.title") && !key.startsWith("hidden.")) {
                problems.add("unknown key '" + key + "'");
            }
        }
        Map<String, Part> parts = new LinkedHashMap<>();
        for (String id : titles.keySet().stream().sorted().toList()) {
            if (!points.containsKey(id)) {
                problems.add("part." + id + ".points is missing");
                continue;
            }
            parts.put(id, new Part(id, titles.get(id), points.get(id)));
        }
        points.keySet().stream().filter(id -> !titles.containsKey(id))
                .forEach(id -> problems.add("part." + id + ".title is missing"));
        if (!problems.isEmpty()) {
            throw new IOException(file + ": " + String.join("; ", problems));
        }
        return new Rubric(properties.getProperty("module.title", file.getParent().getFileName().toString()), parts);
    }

    double totalPoints() {
        return parts.values().stream().mapToDouble(Part::points).sum();
    }
}
