package course.grader.grading;

import course.grader.files.FileTree;
import course.grader.model.CourseModule;
import course.grader.model.StudentVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** The files of a submission that differ from what students were given, other than the ones trusted grading takes. */
final class ChangedFiles {

    private ChangedFiles() {
    }

    /**
     * Added, changed and deleted files (and every symbolic link) of {@code submission}, compared with
     * the student version of {@code teacher}; files of modules not {@code wanted} and the modules'
     * own sources (listed with their reason when taken) are left out.
     */
    static List<String> outside(Path teacher, Path submission, Set<String> taken, List<CourseModule> modules,
                                Predicate<String> wanted) throws IOException {
        StudentVersion given = StudentVersion.of(teacher);
        Set<String> moduleNames = new HashSet<>(modules.stream().map(CourseModule::name).toList());
        Predicate<String> skipped = relative -> {
            String top = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
            return moduleNames.contains(top) && (relative.startsWith(top + "/src/main/java/") || !wanted.test(top));
        };
        List<String> changed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path file : FileTree.files(submission)) {
            String relative = FileTree.relative(submission, file);
            if (StudentVersion.excluded(relative)) {
                continue;
            }
            seen.add(relative);
            if (skipped.test(relative) || taken.contains(relative)) {
                continue;
            }
            byte[] original = given.content(relative);
            if (original == null) {
                changed.add(relative + " (added)");
            } else if (!sameText(Files.readAllBytes(file), original)) {
                changed.add(relative + " (changed)");
            }
        }
        FileTree.links(submission).stream().filter(relative -> !StudentVersion.excluded(relative))
                .forEach(relative -> changed.add(relative + " (a symbolic link: never followed)"));
        changed.addAll(deleted(given.paths(), seen, submission, moduleNames, skipped));
        return changed;
    }

    private static List<String> deleted(Set<String> given, Set<String> seen, Path submission, Set<String> moduleNames,
                                        Predicate<String> skipped) {
        List<String> deleted = new ArrayList<>();
        Set<String> missingFolders = new TreeSet<>();
        for (String path : given) {
            if (seen.contains(path) || skipped.test(path)) {
                continue;
            }
            String top = path.contains("/") ? path.substring(0, path.indexOf('/')) : "";
            if (!top.isEmpty() && !Files.isDirectory(submission.resolve(top))) {
                if (!moduleNames.contains(top)) { // a missing module is reported as such
                    missingFolders.add(top + "/ (deleted)");
                }
                continue;
            }
            deleted.add(path + " (deleted)");
        }
        deleted.addAll(missingFolders);
        return deleted;
    }

    /** Equal but for line endings (a Windows checkout is not a change). */
    static boolean sameText(byte[] a, byte[] b) {
        return Arrays.equals(a, b) || new String(a, StandardCharsets.UTF_8).replace("\r\n", "\n")
                .equals(new String(b, StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }
}
