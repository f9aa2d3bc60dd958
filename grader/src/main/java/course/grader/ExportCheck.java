package course.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks for what must never reach students in an exported folder: the solutions module, hidden
 * test folders, a line that only solution code has (a line of a solutions file that is not in the
 * corresponding stub), a hidden test's class name or a line of a hidden test's body.
 */
final class ExportCheck {

    /** One leak: the exported file, its line number, and what it leaks. */
    record Leak(String file, int line, String what) {
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

    private ExportCheck() {
    }

    /** What the master copy at {@code root} must not leak. */
    static ExportCheck secretsOf(Path root) throws IOException {
        ExportCheck check = new ExportCheck();
        List<CourseModule> modules = CourseModule.discover(root);
        // Short idioms students get anyway (`synchronized (this) {`, `this.task = task;`) are common, not leaks.
        Set<String> common = new HashSet<>();
        Export export = Export.of(root);
        for (String path : export.paths()) {
            byte[] bytes = export.content(path);
            if (!isBinary(bytes)) {
                new String(bytes, StandardCharsets.UTF_8).lines().map(String::strip).forEach(common::add);
            }
        }
        Path solutions = root.resolve("solutions/src/main");
        for (String kind : List.of("java", "resources")) {
            Path base = solutions.resolve(kind);
            for (Path file : files(base)) {
                String relative = base.relativize(file).toString().replace('\\', '/');
                // What students are given anyway: every line of the module's own src/main (its stubs
                // and given files), not only the stub of the same name — a solution-only file (a
                // benchmark, a helper) may share lines with a given demo without leaking anything.
                Set<String> stub = new HashSet<>();
                for (CourseModule module : modules) {
                    if (relative.startsWith(module.packagePath() + "/")) {
                        for (Path given : files(module.dir().resolve("src/main").resolve(kind))) {
                            stub.addAll(normalizedLines(given));
                        }
                    }
                }
                for (String line : normalizedLines(file)) {
                    if (!stub.contains(line) && !trivial(line, file) && !(common.contains(line) && line.length() < COMMON_MAX)) {
                        check.solutionLines.putIfAbsent(line, "solutions/src/main/" + kind + "/" + relative);
                    }
                }
            }
        }
        for (CourseModule module : modules) {
            Path hidden = module.dir().resolve("src/hidden-test");
            List<Path> hiddenFiles = files(hidden);
            if (hiddenFiles.isEmpty()) {
                continue;
            }
            Set<String> visible = new HashSet<>();
            for (Path file : files(module.dir().resolve("src/test"))) {
                visible.addAll(normalizedLines(file));
            }
            for (Path file : files(module.dir().resolve("src/main"))) {
                visible.addAll(normalizedLines(file));
            }
            for (Path file : hiddenFiles) {
                String name = root.relativize(file).toString().replace('\\', '/');
                String fileName = file.getFileName().toString();
                if (fileName.endsWith(".java")) {
                    check.hiddenClasses.put(fileName.substring(0, fileName.length() - 5), name);
                }
                for (String line : normalizedLines(file)) {
                    if (!visible.contains(line) && !trivial(line, file) && !(common.contains(line) && line.length() < COMMON_MAX)) {
                        check.hiddenLines.putIfAbsent(line, name);
                    }
                }
            }
        }
        return check;
    }

    int solutionLineCount() {
        return solutionLines.size();
    }

    int hiddenLineCount() {
        return hiddenLines.size();
    }

    /** Every leak in the exported folder {@code export}. */
    List<Leak> scan(Path export) throws IOException {
        List<Leak> leaks = new ArrayList<>();
        if (Files.exists(export.resolve("solutions"))) {
            leaks.add(new Leak("solutions/", 0, "the reference solutions module is in the export"));
        }
        if (Files.exists(export.resolve("grader/src/test"))) {
            leaks.add(new Leak("grader/src/test/", 0, "the grader's tests (known-wrong fixtures are solution code) are in the export"));
        }
        List<Pattern> classPatterns = hiddenClasses.keySet().stream()
                .map(name -> Pattern.compile("\\b" + Pattern.quote(name) + "\\b")).toList();
        List<String> classNames = new ArrayList<>(hiddenClasses.keySet());
        for (Path file : files(export)) {
            String relative = export.relativize(file).toString().replace('\\', '/');
            if (relative.contains("/target/") || relative.startsWith("target/") || relative.startsWith(".git/")) {
                continue;
            }
            if (relative.contains("src/hidden-test/")) {
                leaks.add(new Leak(relative, 0, "a hidden-test file is in the export"));
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            if (isBinary(bytes)) {
                continue;
            }
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (solutionLines.containsKey(line)) {
                    leaks.add(new Leak(relative, i + 1, "a line only the solution " + solutionLines.get(line)
                            + " has: `" + abbreviate(line) + "`"));
                } else if (hiddenLines.containsKey(line)) {
                    leaks.add(new Leak(relative, i + 1, "a line of the hidden test " + hiddenLines.get(line)
                            + ": `" + abbreviate(line) + "`"));
                } else {
                    for (int c = 0; c < classPatterns.size(); c++) {
                        if (classPatterns.get(c).matcher(line).find()) {
                            leaks.add(new Leak(relative, i + 1, "the name of the hidden test class " + classNames.get(c)
                                    + " (" + hiddenClasses.get(classNames.get(c)) + ")"));
                            break;
                        }
                    }
                }
            }
        }
        return leaks;
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

    private static Set<String> normalizedLines(Path file) throws IOException {
        Set<String> lines = new TreeSet<>();
        if (!Files.isRegularFile(file)) {
            return lines;
        }
        byte[] bytes = Files.readAllBytes(file);
        if (isBinary(bytes)) {
            return lines;
        }
        new String(bytes, StandardCharsets.UTF_8).lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
        return lines;
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static boolean isBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String line) {
        return line.length() <= 100 ? line : line.substring(0, 99) + "…";
    }
}
