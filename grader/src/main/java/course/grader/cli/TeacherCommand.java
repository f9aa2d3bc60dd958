package course.grader.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** A subcommand of {@code grade} (export, verify, batch, ...): it works on the course the grader belongs to. */
abstract class TeacherCommand implements Callable<Integer> {

    @ParentCommand
    private GradeCommand grade;

    /** The course this grader belongs to (the master copy). */
    Path root() {
        return grade.root();
    }
}
