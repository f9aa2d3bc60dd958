package course.grader.cli;

import course.grader.model.CannotGrade;
import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The exit codes every command shares, and the one place that turns a failure into a message:
 * 2 when the input could not be handled at all, with the reason in one line.
 */
final class ExitCodes implements IExecutionExceptionHandler {

    static final int OK = 0;
    static final int CHECK_FAILED = 1;
    static final int CANNOT_GRADE = 2;
    static final int BELOW_THRESHOLD = 3;
    static final int EXPORT_NOT_READY = 4;

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        String name = command.getCommandName();
        if (failure instanceof CannotGrade) {
            command.getErr().println(name + ": " + failure.getMessage());
        } else if (failure instanceof IOException || failure instanceof RuntimeException) {
            command.getErr().println(name + ": could not finish: " + failure);
        } else {
            command.getErr().println(name + ": " + failure);
        }
        command.getErr().flush();
        return CANNOT_GRADE;
    }
}
