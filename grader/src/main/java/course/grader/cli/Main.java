package course.grader.cli;

import course.grader.model.CourseModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./grade ...}: parses the command line and runs the command it names. */
public final class Main {

    /** The commands only a teacher's (master) copy has. */
    static final List<String> TEACHER_COMMANDS = List.of("export", "verify", "batch", "export-gradescope", "fixture");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(CourseRoot.ofThisGrader()).execute(args));
    }

    /**
     * The command tree for the course at {@code root}: {@code grade} and its teacher subcommands, or,
     * in a student's copy (no solutions, no hidden tests), {@code grade} with the student's options only.
     */
    public static CommandLine commandLine(Path root) {
        boolean studentCopy = isStudentCopy(root);
        CommandLine commandLine = new CommandLine(new GradeCommand(root, studentCopy)).setExecutionExceptionHandler(new ExitCodes());
        if (studentCopy) {
            CommandSpec spec = commandLine.getCommandSpec();
            TEACHER_COMMANDS.forEach(spec::removeSubcommand);
            GradeCommand.TEACHER_OPTIONS.forEach(name -> spec.remove(spec.findOption(name)));
        }
        return commandLine;
    }

    /** A student's copy: no solutions module and no hidden tests anywhere. */
    static boolean isStudentCopy(Path root) {
        try {
            return !Files.isDirectory(root.resolve("solutions"))
                    && CourseModule.discover(root).stream().noneMatch(CourseModule::hasHiddenTests);
        } catch (IOException e) {
            return false;
        }
    }
}
