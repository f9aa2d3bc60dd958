package course.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Trusted grading of a submission: a copy of the teacher's course (tests, hidden tests, build
 * files, rubric) into which only the student's own source files are placed — each exercise
 * module's {@code src/main/java/course/<package>/} and the self-check answers file. Everything
 * else the student changed, added or deleted (compared with what the export gives students) is
 * listed as "changed but not used" and never compiled or run.
 */
final class TrustedCopy {

    static final String ANSWERS_FILE = "self-check-answers.properties";

    /** The copy to grade, and the student's files that were not used. */
    record Prepared(Path course, List<String> notUsed, Set<String> missingModules) {
    }

    private TrustedCopy() {
    }

    /**
     * The folder of {@code submission} that holds the course: itself, or its only sub-folder when
     * the submission is wrapped (a zip's top folder, a Gradescope upload).
     */
    static Path courseRootOf(Path submission, List<CourseModule> teacherModules) throws IOException {
        Path current = submission;
        for (int depth = 0; depth < 3; depth++) {
            Path here = current;
            if (teacherModules.stream().anyMatch(m -> Files.isDirectory(here.resolve(m.name())))) {
                return current;
            }
            List<Path> children;
            try (Stream<Path> list = Files.list(current)) {
                children = list.filter(Files::isDirectory)
                        .filter(d -> !d.getFileName().toString().startsWith(".") && !d.getFileName().toString().equals("__MACOSX"))
                        .toList();
            }
            if (children.size() != 1) {
                break;
            }
            current = children.get(0);
        }
        throw new Main.CannotGrade(submission + " holds none of the course's modules ("
                + String.join(", ", teacherModules.stream().map(CourseModule::name).toList())
                + "): is it a submission of this course?");
    }

    /** Builds the trusted copy of {@code teacher} with the student's sources from {@code submission} in {@code work}. */
    static Prepared prepare(Path teacher, Path submission, Path work, List<String> onlyModules) throws IOException {
        List<CourseModule> modules = CourseModule.discover(teacher);
        ModuleGrader.deleteRecursively(work);
        Files.createDirectories(work);
        Set<String> taken = new HashSet<>();
        Set<String> missing = new TreeSet<>();
        List<String> notUsed = new ArrayList<>();
        for (CourseModule module : modules) {
            if (!onlyModules.isEmpty() && !onlyModules.contains(module.name())) {
                continue;
            }
            Path target = work.resolve(module.name());
            copyTree(module.dir(), target, relative -> !relative.startsWith("src/main/java/") && !relative.startsWith("target/")
                    && !relative.equals("target") && !relative.endsWith("/" + ANSWERS_FILE));
            Files.createDirectories(target.resolve("src/main/java"));
            Path studentModule = submission.resolve(module.name());
            if (!Files.isDirectory(studentModule)) {
                missing.add(module.name());
                continue;
            }
            Set<String> testSources = testSourcePaths(module);
            Path studentJava = studentModule.resolve("src/main/java");
            Path realSubmission = submission.toRealPath();
            for (Path file : files(studentJava)) {
                String relative = studentJava.relativize(file).toString().replace('\\', '/');
                String shown = module.name() + "/src/main/java/" + relative;
                if (!file.toRealPath().startsWith(realSubmission)) {
                    notUsed.add(shown + " (outside the submission: a folder on its path is a symbolic link)");
                    continue;
                }
                if (!relative.startsWith(module.packagePath() + "/") || !relative.endsWith(".java")) {
                    notUsed.add(shown + " (outside " + module.packagePath() + "/, where the exercise's code goes)");
                    continue;
                }
                if (testSources.contains(relative)) {
                    notUsed.add(shown + " (has the name of a test class)");
                    continue;
                }
                Path to = target.resolve("src/main/java").resolve(relative);
                Files.createDirectories(to.getParent());
                Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                taken.add(shown);
            }
            for (Path answers : files(module.dir().resolve("src/main/resources"))) {
                if (answers.getFileName().toString().equals(ANSWERS_FILE)) {
                    String relative = module.dir().relativize(answers).toString().replace('\\', '/');
                    Path theirs = studentModule.resolve(relative);
                    if (Files.isRegularFile(theirs) && !Files.isSymbolicLink(theirs)
                            && theirs.toRealPath().startsWith(submission.toRealPath())) {
                        Files.createDirectories(target.resolve(relative).getParent());
                        Files.copy(theirs, target.resolve(relative), StandardCopyOption.REPLACE_EXISTING);
                        taken.add(module.name() + "/" + relative);
                    }
                }
            }
        }
        notUsed.addAll(changedOutsideTaken(teacher, submission, taken, modules, onlyModules));
        return new Prepared(work, notUsed.stream().distinct().sorted().toList(), missing);
    }

    /** The submission's files that differ from what the export gives students, other than the ones taken. */
    private static List<String> changedOutsideTaken(Path teacher, Path submission, Set<String> taken,
                                                    List<CourseModule> modules, List<String> onlyModules) throws IOException {
        Export export = Export.of(teacher);
        Set<String> exported = export.paths();
        Set<String> moduleNames = new HashSet<>(modules.stream().map(CourseModule::name).toList());
        List<String> changed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path file : files(submission)) {
            String relative = submission.relativize(file).toString().replace('\\', '/');
            if (Export.excluded(relative)) {
                continue;
            }
            seen.add(relative);
            String top = relative.split("/")[0];
            if (moduleNames.contains(top) && (relative.startsWith(top + "/src/main/java/")
                    || !onlyModules.isEmpty() && !onlyModules.contains(top))) {
                continue; // taken, listed above with its reason, or a module not graded this time
            }
            if (taken.contains(relative)) {
                continue;
            }
            if (!exported.contains(relative)) {
                changed.add(relative + " (added)");
            } else if (!sameText(Files.readAllBytes(file), export.content(relative))) {
                changed.add(relative + " (changed)");
            }
        }
        try (Stream<Path> walk = Files.walk(submission)) {
            walk.filter(Files::isSymbolicLink).map(link -> submission.relativize(link).toString().replace('\\', '/'))
                    .filter(relative -> !Export.excluded(relative))
                    .forEach(relative -> changed.add(relative + " (a symbolic link: never followed)"));
        }
        Set<String> missingFolders = new TreeSet<>();
        for (String path : exported) {
            String top = path.contains("/") ? path.substring(0, path.indexOf('/')) : "";
            if (seen.contains(path) || path.startsWith(top + "/src/main/java/") && moduleNames.contains(top)) {
                continue;
            }
            if (moduleNames.contains(top) && !onlyModules.isEmpty() && !onlyModules.contains(top)) {
                continue;
            }
            if (!top.isEmpty() && !Files.isDirectory(submission.resolve(top))) {
                if (!moduleNames.contains(top)) { // a missing module is reported as such
                    missingFolders.add(top + "/ (deleted)");
                }
                continue;
            }
            changed.add(path + " (deleted)");
        }
        changed.addAll(missingFolders);
        return changed;
    }

    /** Equal but for line endings (a Windows checkout is not a change). */
    static boolean sameText(byte[] a, byte[] b) {
        if (Arrays.equals(a, b)) {
            return true;
        }
        return new String(a, java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n")
                .equals(new String(b, java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    private static Set<String> testSourcePaths(CourseModule module) throws IOException {
        Set<String> paths = new HashSet<>();
        for (Path base : List.of(module.dir().resolve("src/test/java"), module.hiddenTestDir())) {
            for (Path file : files(base)) {
                paths.add(base.relativize(file).toString().replace('\\', '/'));
            }
        }
        return paths;
    }

    private interface Filter {
        boolean keep(String relative);
    }

    private static void copyTree(Path from, Path to, Filter filter) throws IOException {
        for (Path file : files(from)) {
            String relative = from.relativize(file).toString().replace('\\', '/');
            if (filter.keep(relative) && !relative.contains("/target/")) {
                Path destination = to.resolve(relative);
                Files.createDirectories(destination.getParent());
                Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(f -> !Files.isSymbolicLink(f)).sorted().toList();
        }
    }
}
