package course.grader.teacher;

import course.grader.files.FileTree;
import course.grader.model.CourseModule;
import course.grader.model.StudentVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks for what must never reach students in an exported folder: the solutions module, hidden
 * test folders, a line that only solution code has (a line of a solutions file that is not in the
 * corresponding stub), a hidden test's class name or a line of a hidden test's body.
 */
public final class LeakScan {

    /** One leak: the exported file, its line number, and what it leaks. */
    public record Leak(String file, int line, String what) {
        @Override
        public String toString() {
            return "LEAK in " + file + (line > 0 ? ":" + line : "") + ": " + what;
        }
    }

    private static final Pattern STRUCTURE_ONLY = Pattern.compile("[\\s{}()\\[\\];,.]*");
    private static final int MIN_JAVA_LINE = 12;
    /** A line at least this long is never "trivially common": if it is anywhere in the export, it leaked. */
    static final int COMMON_MAX = 60;

    /** Solution-only lines → the solution file they come from. */
    private final Map<String, String> solutionLines = new LinkedHashMap<>();
    /** Hidden-test lines (not in any visible test or stub) → the hidden file they come from. */
    private final Map<String, String> hiddenLines = new LinkedHashMap<>();
    /** Simple names of hidden test classes → their file. */
    private final Map<String, String> hiddenClasses = new LinkedHashMap<>();

    private LeakScan() {
    }

    /** What the master copy at {@code root} must not leak. */
    public static LeakScan secretsOf(Path root) throws IOException {
        LeakScan check = new LeakScan();
        List<CourseModule> modules = CourseModule.discover(root);
        // Short idioms students get anyway (`synchronized (this) {`, `this.task = task;`) are common, not leaks.
        Set<String> common = new HashSet<>();
        StudentVersion export = StudentVersion.of(root);
        for (String path : export.paths()) {
            byte[] bytes = export.content(path);
            if (!FileTree.isBinary(bytes)) {
                new String(bytes, StandardCharsets.UTF_8).lines().map(String::strip).forEach(common::add);
            }
        }
        for (String kind : List.of("java", "resources")) {
            check.collectSolutionLines(root.resolve("solutions/src/main").resolve(kind), kind, modules, common);
        }
        // What students see in any module (its visible tests, stubs and given files): a hidden test
        // sharing such a line with another module's visible test gives nothing away.
        Set<String> visible = new HashSet<>();
        for (CourseModule module : modules) {
            visible.addAll(linesOf(FileTree.files(module.dir().resolve("src/test"))));
            visible.addAll(linesOf(FileTree.files(module.dir().resolve("src/main"))));
        }
        for (CourseModule module : modules) {
            check.collectHiddenLines(root, module, visible, common);
        }
        return check;
    }

    private void collectSolutionLines(Path base, String kind, List<CourseModule> modules, Set<String> common) throws IOException {
        for (Path file : FileTree.files(base)) {
            String relative = FileTree.relative(base, file);
            // What students are given anyway: every line of the module's own src/main (its stubs and
            // given files), not only the stub of the same name — a solution-only file (a benchmark, a
            // helper) may share lines with a given demo without leaking anything.
            Set<String> given = new HashSet<>();
            for (CourseModule module : modules) {
                if (relative.startsWith(module.packagePath() + "/")) {
                    given.addAll(linesOf(FileTree.files(module.dir().resolve("src/main").resolve(kind))));
                }
            }
            for (String line : normalizedLines(file)) {
                if (secret(line, file, given, common)) {
                    solutionLines.putIfAbsent(line, "solutions/src/main/" + kind + "/" + relative);
                }
            }
        }
    }

    private void collectHiddenLines(Path root, CourseModule module, Set<String> visible, Set<String> common) throws IOException {
        List<Path> hiddenFiles = FileTree.files(module.dir().resolve("src/hidden-test"));
        for (Path file : hiddenFiles) {
            String name = FileTree.relative(root, file);
            String fileName = file.getFileName().toString();
            if (fileName.endsWith(".java")) {
                hiddenClasses.put(fileName.substring(0, fileName.length() - 5), name);
            }
            for (String line : normalizedLines(file)) {
                if (secret(line, file, visible, common)) {
                    hiddenLines.putIfAbsent(line, name);
                }
            }
        }
    }

    /** A line that is not in what students see anyway, and not common or trivial enough to be anywhere. */
    private static boolean secret(String line, Path file, Set<String> seen, Set<String> common) {
        return !seen.contains(line) && !trivial(line, file) && !(common.contains(line) && line.length() < COMMON_MAX);
    }

    int solutionLineCount() {
        return solutionLines.size();
    }

    int hiddenLineCount() {
        return hiddenLines.size();
    }

    /** Every leak in the exported folder {@code export}. */
    public List<Leak> scan(Path export) throws IOException {
        List<Leak> leaks = new ArrayList<>();
        if (Files.exists(export.resolve("solutions"))) {
            leaks.add(new Leak("solutions/", 0, "the reference solutions module is in the export"));
        }
        if (Files.exists(export.resolve("grader/src/test"))) {
            leaks.add(new Leak("grader/src/test/", 0, "the grader's tests (known-wrong fixtures are solution code) are in the export"));
        }
        Map<String, Pattern> classPatterns = new LinkedHashMap<>();
        hiddenClasses.keySet().forEach(name -> classPatterns.put(name, Pattern.compile("\\b" + Pattern.quote(name) + "\\b")));
        for (Path file : FileTree.files(export)) {
            String relative = FileTree.relative(export, file);
            if (relative.contains("/target/") || relative.startsWith("target/") || relative.startsWith(".git/")) {
                continue;
            }
            if (relative.contains("src/hidden-test/")) {
                leaks.add(new Leak(relative, 0, "a hidden-test file is in the export"));
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            if (!FileTree.isBinary(bytes)) {
                List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    int number = i + 1;
                    leakOn(lines.get(i).strip(), classPatterns).ifPresent(what -> leaks.add(new Leak(relative, number, what)));
                }
            }
        }
        return leaks;
    }

    /** What {@code line} leaks, if anything. */
    private Optional<String> leakOn(String line, Map<String, Pattern> classPatterns) {
        if (line.isEmpty()) {
            return Optional.empty();
        }
        if (solutionLines.containsKey(line)) {
            return Optional.of("a line only the solution " + solutionLines.get(line) + " has: `" + abbreviate(line) + "`");
        }
        if (hiddenLines.containsKey(line)) {
            return Optional.of("a line of the hidden test " + hiddenLines.get(line) + ": `" + abbreviate(line) + "`");
        }
        for (var hidden : classPatterns.entrySet()) {
            if (hidden.getValue().matcher(line).find()) {
                return Optional.of("the name of the hidden test class " + hidden.getKey() + " (" + hiddenClasses.get(hidden.getKey()) + ")");
            }
        }
        return Optional.empty();
    }

    /** Blank lines, braces, imports, short and comment-marker lines are common to any code: never a leak. */
    static boolean trivial(String line, Path file) {
        if (line.isEmpty() || STRUCTURE_ONLY.matcher(line).matches()) {
            return true;
        }
        String name = file.getFileName().toString();
        if (name.endsWith(".properties")) {
            return line.startsWith("#") || line.startsWith("!") || line.endsWith("=");
        }
        if (!name.endsWith(".java")) {
            return line.length() < MIN_JAVA_LINE;
        }
        return line.startsWith("import ") || line.startsWith("package ") || line.length() < MIN_JAVA_LINE
                || line.equals("*/") || line.equals("/**") || line.matches("@\\w+(\\(.*\\))?") && line.length() < 30
                || line.matches("(//|\\*|/\\*\\*?)\\s*")
                || line.matches("(return|break|continue|throw)\\b[^;]{0,12};");
    }

    private static Set<String> linesOf(List<Path> files) throws IOException {
        Set<String> lines = new HashSet<>();
        for (Path file : files) {
            lines.addAll(normalizedLines(file));
        }
        return lines;
    }

    private static Set<String> normalizedLines(Path file) throws IOException {
        Set<String> lines = new TreeSet<>();
        if (!Files.isRegularFile(file)) {
            return lines;
        }
        byte[] bytes = Files.readAllBytes(file);
        if (FileTree.isBinary(bytes)) {
            return lines;
        }
        new String(bytes, StandardCharsets.UTF_8).lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
        return lines;
    }

    private static String abbreviate(String line) {
        return line.length() <= 100 ? line : line.substring(0, 99) + "…";
    }
}
