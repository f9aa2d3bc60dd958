package course.grader.cli;

import java.nio.file.Path;
import picocli.CommandLine;

/** {@code ./grade ...}: parses the command line and runs the command it names. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(CourseRoot.ofThisGrader()).execute(args));
    }

    /** The command tree for the course at {@code root}: {@code grade} and its teacher subcommands. */
    public static CommandLine commandLine(Path root) {
        return new CommandLine(new GradeCommand(root)).setExecutionExceptionHandler(new ExitCodes());
    }
}
