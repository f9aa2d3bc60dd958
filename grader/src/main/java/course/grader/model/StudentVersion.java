package course.grader.model;

import course.grader.files.FileTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The student version of a master copy, as a plan: every file it holds, by its path relative to
 * its root. One plan serves writing the export, checking it for leaks, telling which files of a
 * submission a student changed ("changed but not used"), and (with the hidden tests) the
 * Gradescope bundle's course.
 *
 * <p>What goes in: the root launcher scripts, the student pom ({@link StudentPom}), each module of
 * the root pom but {@code solutions}, without its {@code src/hidden-test} folder; of the grader its
 * pom, main sources and launcher (not its tests: their fixtures are solution code); a README for students
 * and the pull-request grading workflow.
 */
public final class StudentVersion {

    /** Folders and files never exported, wherever they are. */
    private static final Set<String> NEVER = Set.of("target", ".git", ".idea", ".vscode", ".settings", ".classpath",
            ".project", "grader-build.log");
    /** In a student's copy: which test files are the course's (see {@link #courseTests}). */
    public static final String COURSE_TESTS = "grader/course-tests.txt";
    private static final Pattern TEACHER_ONLY = Pattern.compile(
            "[ \\t]*<!-- teacher-only -->.*?<!-- /teacher-only -->[ \\t]*\\R?", Pattern.DOTALL);
    private static final List<String> ROOT_FILES = List.of("grade", "grade.cmd", ".gitignore", "mvnw", "mvnw.cmd",
            ".ci/sandbox-setup");

    private final Path root;
    private final boolean hiddenTests;
    private final Map<String, Path> copied = new TreeMap<>();
    private final Map<String, byte[]> generated = new TreeMap<>();

    private StudentVersion(Path root, boolean hiddenTests) {
        this.root = root;
        this.hiddenTests = hiddenTests;
    }

    /** What students are given from the master copy at {@code root}. */
    public static StudentVersion of(Path root) throws IOException {
        return plan(root, false);
    }

    /** The same with every module's hidden tests: the course a trusted grader outside this repository runs. */
    public static StudentVersion withHiddenTests(Path root) throws IOException {
        return plan(root, true);
    }

    private static StudentVersion plan(Path root, boolean hiddenTests) throws IOException {
        if (!Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new CannotGrade(root + " has no pom.xml: export works on the master copy of a course.");
        }
        StudentVersion version = new StudentVersion(root, hiddenTests);
        version.plan();
        return version;
    }

    private void plan() throws IOException {
        StudentPom pom = StudentPom.read(root.resolve("pom.xml"));
        List<String> modules = pom.modules();
        generated.put("pom.xml", pom.studentVersion().getBytes(StandardCharsets.UTF_8));
        for (String file : ROOT_FILES) {
            if (Files.isRegularFile(root.resolve(file))) {
                copied.put(file, root.resolve(file));
            }
        }
        addTree(root.resolve(".mvn"), ".mvn/");
        for (String module : modules) {
            if (module.equals("grader")) {
                copied.put("grader/pom.xml", root.resolve("grader/pom.xml"));
                addTree(root.resolve("grader/src/main"), "grader/src/main/");
                addTree(root.resolve("grader/src/launcher"), "grader/src/launcher/");
            } else if (!module.equals("solutions")) {
                addTree(root.resolve(module), module + "/");
            }
        }
        generated.put("README.md", readme().getBytes(StandardCharsets.UTF_8));
        generated.put(COURSE_TESTS, courseTests().getBytes(StandardCharsets.UTF_8));
        generated.put(".github/workflows/grade.yml", Templates.read("grade.yml").getBytes(StandardCharsets.UTF_8));
    }

    private void addTree(Path dir, String prefix) throws IOException {
        for (Path file : FileTree.files(dir)) {
            String relative = FileTree.relative(dir, file);
            if (!excluded(relative) || hiddenTests && isHiddenTest(relative) && !isBuildOutput(relative)) {
                if (relative.endsWith(".md")) {
                    generated.put(prefix + relative, forStudents(Files.readString(file)).getBytes(StandardCharsets.UTF_8));
                } else {
                    copied.put(prefix + relative, file);
                }
            }
        }
    }

    /** A Markdown text without its teacher-only blocks ({@code <!-- teacher-only -->} ... {@code <!-- /teacher-only -->}). */
    public static String forStudents(String markdown) {
        return TEACHER_ONLY.matcher(markdown).replaceAll("");
    }

    /** The course's own test sources of each module (the student's own tests are the others): one path a line. */
    private String courseTests() throws IOException {
        StringBuilder list = new StringBuilder("# The course's tests and test support: any other test file is a student's own.\n");
        for (CourseModule module : CourseModule.discover(root)) {
            for (Path file : FileTree.files(module.folder(CourseModule.Folder.TEST_JAVA))) {
                list.append(module.name()).append('/').append(FileTree.relative(module.dir(), file)).append('\n');
            }
        }
        return list.toString();
    }

    /** Build output, IDE files, and every module's hidden tests stay out of the student version. */
    public static boolean excluded(String relative) {
        return isBuildOutput(relative) || isHiddenTest(relative);
    }

    private static boolean isBuildOutput(String relative) {
        for (String segment : relative.split("/")) {
            if (NEVER.contains(segment) || segment.endsWith(".iml")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHiddenTest(String relative) {
        return relative.startsWith("src/hidden-test/") || relative.contains("/src/hidden-test/");
    }

    private String readme() throws IOException {
        List<CourseModule> modules = CourseModule.discover(root);
        StringBuilder table = new StringBuilder("| Module | What you build | Points |\n|---|---|---:|\n");
        for (CourseModule module : modules) {
            String link = Files.isRegularFile(module.dir().resolve("README.md"))
                    ? "[`" + module.name() + "`](" + module.name() + "/README.md)" : "`" + module.name() + "`";
            table.append("| ").append(link).append(" | ").append(module.rubric().title()).append(" | ")
                    .append(Points.fmt(module.rubric().totalPoints())).append(" |\n");
        }
        String first = modules.stream().map(CourseModule::name).findFirst().orElse("exercise-01-async-fetch");
        return Templates.read("README.md").replace("{{MODULE_TABLE}}", table.toString().strip())
                .replace("{{FIRST_MODULE}}", first);
    }

    /** Every path of the student version, relative, with '/' separators. */
    public Set<String> paths() {
        Set<String> all = new TreeSet<>(copied.keySet());
        all.addAll(generated.keySet());
        return all;
    }

    /** The bytes the student version holds at {@code path}, or null. */
    public byte[] content(String path) throws IOException {
        if (generated.containsKey(path)) {
            return generated.get(path);
        }
        Path file = copied.get(path);
        return file == null ? null : Files.readAllBytes(file);
    }

    /** Writes the plan into {@code target}, which must be new or empty and outside the master copy (but its target/). */
    public void writeTo(Path target) throws IOException {
        if (!FileTree.isNewOrEmpty(target)) {
            throw new CannotGrade(target + " is not empty: give a new folder to export into (the export never overwrites).");
        }
        if (target.startsWith(root) && !target.startsWith(root.resolve("target"))) {
            throw new CannotGrade(target + " is inside the master copy: export into a folder outside it (or under target/).");
        }
        for (String path : paths()) {
            Path to = target.resolve(path);
            Files.createDirectories(to.getParent());
            Files.write(to, content(path));
            if (path.equals("grade") || path.equals("mvnw") || path.equals(".ci/sandbox-setup")
                    || copied.containsKey(path) && Files.isExecutable(copied.get(path))) {
                FileTree.makeExecutable(to);
            }
        }
    }
}
