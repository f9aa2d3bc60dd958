package course.grader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The student version of the master copy, as a plan: every file the export holds, by its path
 * relative to the export's root. One plan serves writing the export, checking it for leaks and
 * telling which files of a submission a student changed ("changed but not used").
 *
 * <p>What goes in: the root launcher scripts, a root pom without {@code solutions} and without the
 * hidden-test profile (tests run: {@code exercise.skipTests=false}), each module of the root pom
 * but {@code solutions} without its {@code src/hidden-test} folder, the grader's pom and main
 * sources (not its tests: their fixtures are solution code), a README for students and the
 * pull-request grading workflow.
 */
final class Export {

    /** Folders and files never exported, wherever they are. */
    private static final Set<String> NEVER = Set.of("target", ".git", ".idea", ".vscode", ".settings", ".classpath",
            ".project", "grader-build.log");

    static final String TEMPLATES = "/course/grader/export/";

    private final Path root;
    private final Map<String, Path> copied = new TreeMap<>();
    private final Map<String, byte[]> generated = new TreeMap<>();

    private Export(Path root) {
        this.root = root;
    }

    /** The export of the master copy at {@code root}. */
    static Export of(Path root) throws IOException {
        Export export = new Export(root);
        export.plan();
        return export;
    }

    /** Every path of the export, relative, with '/' separators. */
    Set<String> paths() {
        Set<String> all = new java.util.TreeSet<>(copied.keySet());
        all.addAll(generated.keySet());
        return all;
    }

    /** The bytes the export holds at {@code path}, or null. */
    byte[] content(String path) throws IOException {
        if (generated.containsKey(path)) {
            return generated.get(path);
        }
        Path file = copied.get(path);
        return file == null ? null : Files.readAllBytes(file);
    }

    private void plan() throws IOException {
        Path pom = root.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            throw new Main.CannotGrade(root + " has no pom.xml: export works on the master copy of a course.");
        }
        String pomText = Files.readString(pom);
        List<String> modules = modulesOf(pomText);
        generated.put("pom.xml", studentPom(pomText).getBytes(StandardCharsets.UTF_8));
        for (String file : List.of("grade", "grade.cmd", ".gitignore", "mvnw", "mvnw.cmd")) {
            if (Files.isRegularFile(root.resolve(file))) {
                copied.put(file, root.resolve(file));
            }
        }
        addTree(root.resolve(".mvn"), ".mvn/");
        for (String module : modules) {
            if (module.equals("solutions")) {
                continue;
            }
            Path dir = root.resolve(module);
            if (module.equals("grader")) {
                copied.put("grader/pom.xml", dir.resolve("pom.xml"));
                addTree(dir.resolve("src/main"), "grader/src/main/");
                continue;
            }
            addTree(dir, module + "/");
        }
        generated.put("README.md", studentReadme().getBytes(StandardCharsets.UTF_8));
        generated.put(".github/workflows/grade.yml", template("grade.yml").getBytes(StandardCharsets.UTF_8));
    }

    private void addTree(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                if (excluded(relative)) {
                    continue;
                }
                copied.put(prefix + relative, file);
            }
        }
    }

    /** Build output, IDE files, and every module's hidden tests stay out. */
    static boolean excluded(String relative) {
        for (String segment : relative.split("/")) {
            if (NEVER.contains(segment) || segment.endsWith(".iml")) {
                return true;
            }
        }
        return relative.startsWith("src/hidden-test/") || relative.contains("/src/hidden-test/");
    }

    static List<String> modulesOf(String pomText) {
        List<String> modules = new ArrayList<>();
        Matcher m = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>").matcher(pomText);
        while (m.find()) {
            modules.add(m.group(1));
        }
        return modules;
    }

    /** The root pom without solutions and the hidden-test profile, with the exercises' tests switched on. */
    static String studentPom(String master) throws Main.CannotGrade {
        String pom = master.replaceAll("(?m)^[ \\t]*<module>\\s*solutions\\s*</module>[ \\t]*\\r?\\n", "");
        String skip = "<exercise.skipTests>true</exercise.skipTests>";
        if (!pom.contains(skip)) {
            throw new Main.CannotGrade("the root pom.xml has no " + skip + " (the master/student switch): "
                    + "export expects the master copy's pom; see README, For teachers.");
        }
        pom = pom.replace(skip, "<exercise.skipTests>false</exercise.skipTests>");
        pom = Pattern.compile("<!--\\s*MASTER COPY.*?-->", Pattern.DOTALL).matcher(pom).replaceFirst(Matcher.quoteReplacement(
                "<!-- Student version: `mvn test -pl <module>` runs that exercise's tests against your code. -->"));
        pom = Pattern.compile("[ \\t]*<profile>(?:(?!</profile>).)*?<id>hidden-tests</id>.*?</profile>[ \\t]*\\r?\\n",
                Pattern.DOTALL).matcher(pom).replaceFirst("");
        if (pom.contains("hidden-test") || pom.contains("<module>solutions</module>")) {
            throw new Main.CannotGrade("could not take the hidden tests or the solutions module out of the root pom.xml"
                    + " (its layout changed?): export expects the profile with <id>hidden-tests</id> of the master copy.");
        }
        return pom;
    }

    private String studentReadme() throws IOException {
        StringBuilder table = new StringBuilder("| Module | What you build | Points |\n|---|---|---:|\n");
        for (CourseModule module : CourseModule.discover(root)) {
            String link = Files.isRegularFile(module.dir().resolve("README.md"))
                    ? "[`" + module.name() + "`](" + module.name() + "/README.md)" : "`" + module.name() + "`";
            table.append("| ").append(link).append(" | ").append(module.rubric().title()).append(" | ")
                    .append(ModuleGrader.fmt(module.rubric().totalPoints())).append(" |\n");
        }
        String first = CourseModule.discover(root).stream().map(CourseModule::name).findFirst().orElse("exercise-01-async-fetch");
        return template("README.md").replace("{{MODULE_TABLE}}", table.toString().strip())
                .replace("{{FIRST_MODULE}}", first);
    }

    static String template(String name) throws IOException {
        try (InputStream in = Export.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IOException("the grader's template " + name + " is missing (rebuild the grader)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes the export into {@code target}, which must not exist or be empty. */
    void writeTo(Path target) throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> children = Files.list(target)) {
                if (children.findAny().isPresent()) {
                    throw new Main.CannotGrade(target + " is not empty: give a new folder to export into"
                            + " (the export never overwrites).");
                }
            }
        }
        if (target.startsWith(root) && !target.startsWith(root.resolve("target"))) {
            throw new Main.CannotGrade(target + " is inside the master copy: export into a folder outside it"
                    + " (or under target/).");
        }
        for (String path : paths()) {
            Path to = target.resolve(path);
            Files.createDirectories(to.getParent());
            Files.write(to, content(path));
            if (path.equals("grade") || path.equals("mvnw") || copied.containsKey(path) && Files.isExecutable(copied.get(path))) {
                makeExecutable(to);
            }
        }
    }

    static void makeExecutable(Path file) {
        try {
            Set<PosixFilePermission> permissions = new LinkedHashSet<>(Files.getPosixFilePermissions(file));
            permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system (Windows): grade.cmd is used there
        }
    }
}
