package course.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Student-like submissions made from the student version, for verification and tests. */
final class Submissions {

    private Submissions() {
    }

    /**
     * Writes the export of {@code root} into {@code target} and lays each overlay (folders shaped
     * like {@code solutions/src/main/java}: {@code course/<pkg>/X.java}) over the module of its
     * package, as a student who wrote that code would have it.
     */
    static Path make(Path root, Path target, List<Path> overlays) throws IOException {
        Export.of(root).writeTo(target);
        List<CourseModule> modules = CourseModule.discover(root);
        for (Path overlay : overlays) {
            for (Path file : TrustedCopy.files(overlay)) {
                String relative = overlay.relativize(file).toString().replace('\\', '/');
                for (CourseModule module : modules) {
                    if (relative.startsWith(module.packagePath() + "/")) {
                        boolean java = relative.endsWith(".java");
                        Path to = target.resolve(module.name()).resolve(java ? "src/main/java" : "src/main/resources").resolve(relative);
                        Files.createDirectories(to.getParent());
                        Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return target;
    }

    /** Overlays that turn the export into the reference solution. */
    static List<Path> solutions(Path root) {
        return List.of(root.resolve("solutions/src/main/java"), root.resolve("solutions/src/main/resources"));
    }
}
