package course.grader.cli;

import course.grader.teacher.Batch;
import course.grader.teacher.Gradebook;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./grade batch FOLDER --out DIR}: grades a folder of submissions into a gradebook (see {@link Batch}). */
@Command(name = "batch")
final class BatchCommand extends TeacherCommand {

    @Parameters(index = "0", paramLabel = "FOLDER", description = "the folder of submissions")
    Path folder;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the gradebook and reports go")
    Path out;

    @Option(names = "--regrade", description = "grade again the submissions already graded in DIR")
    boolean regrade;

    @Mixin
    Options.Jobs jobs;

    @Mixin
    Options.TimeLimit timeLimit;

    @Mixin
    Options.RequireSandbox sandbox;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        Path outDir = out.toAbsolutePath().normalize();
        List<Gradebook.Row> rows = new Batch(root(), jobs.atLeastOne(), timeLimit.duration(), regrade, System.out).requireSandbox(sandbox.required)
                .run(folder.toAbsolutePath().normalize(), outDir);
        System.out.printf("Graded %d submissions in %.1f s: %s%n", rows.size(), (System.nanoTime() - start) / 1e9,
                outDir.resolve("gradebook.csv"));
        return ExitCodes.OK;
    }
}
