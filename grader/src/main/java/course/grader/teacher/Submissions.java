package course.grader.teacher;

import course.grader.files.FileTree;
import course.grader.model.CourseModule;
import course.grader.model.StudentVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Student-like submissions made from the student version, for verification and tests. */
public final class Submissions {

    private static final Pattern MAIN_METHOD = Pattern.compile("\\bstatic\\s+void\\s+main\\s*\\(");

    private Submissions() {
    }

    /**
     * Writes the student version of {@code root} into {@code target} and lays each overlay (folders
     * shaped like {@code solutions/src/main/java}: {@code course/<pkg>/X.java}) over the module of its
     * package, as a student who wrote that code would have it. A teacher's tool among the reference
     * solution's files (a class with a {@code main} method that the student version lacks, such as a
     * benchmark) is left out: no student hands one in, and it may use what student code may not.
     */
    public static Path make(Path root, Path target, List<Path> overlays) throws IOException {
        StudentVersion.of(root).writeTo(target);
        List<CourseModule> modules = CourseModule.discover(root);
        for (Path overlay : overlays) {
            for (Path file : FileTree.files(overlay)) {
                String relative = FileTree.relative(overlay, file);
                for (CourseModule module : modules) {
                    if (relative.startsWith(module.packagePath() + "/")) {
                        String folder = relative.endsWith(".java") ? "src/main/java" : "src/main/resources";
                        Path into = target.resolve(module.name()).resolve(folder).resolve(relative);
                        if (!isTeacherTool(root, file, into)) {
                            FileTree.copy(file, into);
                        }
                    }
                }
            }
        }
        return target;
    }

    private static boolean isTeacherTool(Path root, Path file, Path inStudentVersion) throws IOException {
        return file.startsWith(root.resolve("solutions")) && file.toString().endsWith(".java") && !Files.exists(inStudentVersion)
                && MAIN_METHOD.matcher(Files.readString(file)).find();
    }

    /** Overlays that turn the student version into the reference solution. */
    public static List<Path> solutions(Path root) {
        return List.of(root.resolve("solutions/src/main/java"), root.resolve("solutions/src/main/resources"));
    }
}
