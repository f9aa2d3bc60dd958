package course.grader.cli;

import course.grader.teacher.ExportCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./grade export DIR}: writes the student version, then checks it (build, stubs fail, no leaks). */
@Command(name = "export")
final class ExportCommand extends TeacherCommand {

    @Parameters(index = "0", paramLabel = "DIR", description = "the new folder for the student version")
    Path dir;

    @Option(names = "--no-build", description = "skip the Maven build of the export (the leak scan and the stub check still run)")
    boolean noBuild;

    @Override
    public Integer call() throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        long start = System.nanoTime();
        List<String> problems = ExportCheck.exportAndCheck(root(), target, !noBuild, System.out);
        System.out.printf("(%.1f s)%n", (System.nanoTime() - start) / 1e9);
        if (!problems.isEmpty()) {
            System.err.println("export: the student version in " + target + " is NOT ready to hand out:");
            problems.forEach(p -> System.err.println("  " + p));
            return ExitCodes.EXPORT_NOT_READY;
        }
        System.out.println((noBuild ? "(build not checked) " : "The export builds, ")
                + "its visible tests fail on the stubs, and it leaks nothing.");
        return ExitCodes.OK;
    }
}
