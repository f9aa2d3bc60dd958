package course.grader.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The course this grader belongs to: the folder whose {@code grader/} it was built in. */
final class CourseRoot {

    private CourseRoot() {
    }

    /**
     * The launcher names it ({@code -Dcourse.root}); otherwise it is found from where the grader's
     * classes are: {@code ROOT/grader/target/grader.jar} or {@code ROOT/grader/target/classes}.
     */
    static Path ofThisGrader() {
        String named = System.getProperty("course.root");
        if (named != null) {
            return Path.of(named).toAbsolutePath().normalize();
        }
        try {
            Path location = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path folder = location; folder != null; folder = folder.getParent()) {
                if (Files.isRegularFile(folder.resolve("grader/pom.xml"))) {
                    return folder;
                }
            }
        } catch (URISyntaxException e) {
            // not loaded from a file: fall back to the working folder
        }
        return Path.of("").toAbsolutePath();
    }
}
