package course.grader.teacher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A known-wrong (or crashing) submission kept to prove the tests: the reference solution with one
 * mistake, kept as a patch ({@link FixturePatch}), and its {@code fixture.properties}: {@code description}, {@code loses}
 * (the parts it must lose, comma-separated), for crash fixtures {@code module} and {@code message}
 * (what the grader must say), {@code race=true} for a mistake that is a race (caught in at least
 * 19 of 20 gradings, not every time), and {@code checked=false} for one kept for reference only.
 */
public record Fixture(Path dir, String module, String id, String description, Set<String> loses, boolean checked,
                      String message, boolean race) {

    public static final String PROPERTIES = "fixture.properties";

    /** The known-wrong fixtures under {@code root} ({@code MODULE/ID/}), sorted by module and id. */
    public static List<Fixture> knownWrong(Path root) throws IOException {
        List<Fixture> fixtures = new ArrayList<>();
        for (Path module : folders(root)) {
            for (Path dir : folders(module)) {
                if (Files.isRegularFile(dir.resolve(PROPERTIES))) {
                    fixtures.add(read(dir, module.getFileName().toString()));
                }
            }
        }
        return fixtures;
    }

    /** The crash fixtures under {@code root} ({@code ID/}, the module named in their properties), sorted by id. */
    public static List<Fixture> crashes(Path root) throws IOException {
        List<Fixture> fixtures = new ArrayList<>();
        for (Path dir : folders(root)) {
            if (Files.isRegularFile(dir.resolve(PROPERTIES))) {
                fixtures.add(read(dir, null));
            }
        }
        return fixtures;
    }

    /** Reads {@code dir/fixture.properties}; {@code module} null: the properties name it. */
    public static Fixture read(Path dir, String module) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(PROPERTIES))) {
            p.load(in);
        }
        Set<String> loses = Arrays.stream(p.getProperty("loses", "").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new Fixture(dir, module != null ? module : p.getProperty("module", "").strip(), dir.getFileName().toString(),
                p.getProperty("description", "").strip(), loses, !"false".equals(p.getProperty("checked", "true").strip()),
                p.getProperty("message", "").strip(), "true".equals(p.getProperty("race", "false").strip()));
    }

    /**
     * The fixture's sources, made from its patch and the reference solution of {@code root} into
     * {@code into}: a folder to lay over the solution ({@code course/<pkg>/X.java}).
     */
    public Path sources(Path root, Path into) throws IOException {
        return FixturePatch.apply(root, dir, into);
    }

    private static List<Path> folders(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Override
    public String toString() {
        return module + "/" + id;
    }
}
