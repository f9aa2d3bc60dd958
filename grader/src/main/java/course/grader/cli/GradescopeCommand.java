package course.grader.cli;

import course.grader.teacher.GradescopeBundle;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./grade export-gradescope DIR}: the Gradescope autograder bundle (see {@link GradescopeBundle}). */
@Command(name = "export-gradescope")
final class GradescopeCommand extends TeacherCommand {

    @Parameters(index = "0", paramLabel = "DIR", description = "the new folder for the bundle")
    Path dir;

    @Override
    public Integer call() throws IOException {
        Path zip = GradescopeBundle.write(root(), dir.toAbsolutePath().normalize());
        System.out.println("Gradescope bundle: " + zip + " (upload it as the autograder; see README, For teachers)");
        return ExitCodes.OK;
    }
}
