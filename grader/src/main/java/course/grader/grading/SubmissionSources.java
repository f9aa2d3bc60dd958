package course.grader.grading;

import course.grader.files.FileTree;
import course.grader.model.CannotGrade;
import course.grader.model.CourseModule;
import course.grader.model.CourseModule.Folder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Trusted grading of a submission takes only the student's own source files — each exercise
 * module's {@code src/main/java/course/<package>/} and the self-check answers file — and grades
 * them with the teacher's tests, resources and rubric. Everything else the student changed, added
 * or deleted is listed as "changed but not used" ({@link ChangedFiles}) and never compiled or run.
 */
final class SubmissionSources {

    static final String ANSWERS_FILE = "self-check-answers.properties";
    private static final Pattern TEST_NAME = Pattern.compile(".*(Test|Tests|TestCase|IT)\\.java");

    /** The main sources to grade per module, the modules the submission lacks, and what was not used. */
    record Taken(Map<String, SourceSet> mainByModule, Set<String> missing, List<String> notUsed) {
    }

    private SubmissionSources() {
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
        throw new CannotGrade(submission + " holds none of the course's modules ("
                + String.join(", ", teacherModules.stream().map(CourseModule::name).toList())
                + "): is it a submission of this course?");
    }

    /** What to take from {@code submission} (a course root) for the teacher's {@code modules} that are {@code wanted}. */
    static Taken take(Path teacher, Path submission, List<CourseModule> modules, Predicate<String> wanted) throws IOException {
        Map<String, SourceSet> main = new LinkedHashMap<>();
        Set<String> missing = new TreeSet<>();
        List<String> notUsed = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (CourseModule module : modules.stream().filter(m -> wanted.test(m.name())).toList()) {
            Path studentModule = submission.resolve(module.name());
            if (!Files.isDirectory(studentModule)) {
                missing.add(module.name());
                continue;
            }
            SourceSet sources = new SourceSet().overlay(module.folder(Folder.MAIN_RESOURCES), "");
            takeJava(module, studentModule, submission, sources, taken, notUsed);
            takeAnswers(module, studentModule, submission, sources, taken);
            main.put(module.name(), sources);
        }
        notUsed.addAll(ChangedFiles.outside(teacher, submission, taken, modules, wanted));
        return new Taken(main, missing, notUsed.stream().distinct().sorted().toList());
    }

    private static void takeJava(CourseModule module, Path studentModule, Path submission, SourceSet sources,
                                 Set<String> taken, List<String> notUsed) throws IOException {
        Path studentJava = studentModule.resolve("src/main/java");
        for (Path file : FileTree.files(studentJava)) {
            String relative = FileTree.relative(studentJava, file);
            String shown = module.name() + "/src/main/java/" + relative;
            if (!FileTree.isInside(file, submission)) {
                notUsed.add(shown + " (outside the submission: a folder on its path is a symbolic link)");
            } else if (!relative.startsWith(module.packagePath() + "/") || !relative.endsWith(".java")) {
                notUsed.add(shown + " (outside " + module.packagePath() + "/, where the exercise's code goes)");
            } else if (TEST_NAME.matcher(file.getFileName().toString()).matches()) {
                // the same answer for any test-like name: which test classes exist is not told
                notUsed.add(shown + " (named like a test class: tests go in src/test/java)");
            } else {
                sources.put(relative, file);
                taken.add(shown);
            }
        }
    }

    /** The student's self-check answers, where the module has such a file; the teacher's copy of it is never graded. */
    private static void takeAnswers(CourseModule module, Path studentModule, Path submission, SourceSet sources,
                                    Set<String> taken) throws IOException {
        for (Path answers : FileTree.files(module.folder(Folder.MAIN_RESOURCES))) {
            if (!answers.getFileName().toString().equals(ANSWERS_FILE)) {
                continue;
            }
            String relative = FileTree.relative(module.folder(Folder.MAIN_RESOURCES), answers);
            sources.remove(relative);
            Path theirs = studentModule.resolve("src/main/resources").resolve(relative);
            if (Files.isRegularFile(theirs) && !Files.isSymbolicLink(theirs) && FileTree.isInside(theirs, submission)) {
                sources.put(relative, theirs);
                taken.add(module.name() + "/src/main/resources/" + relative);
            }
        }
    }

}
