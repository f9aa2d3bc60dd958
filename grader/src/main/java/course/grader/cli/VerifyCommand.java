package course.grader.cli;

import course.grader.teacher.Verification;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./grade verify}: the assignment proves itself (see {@link Verification}). */
@Command(name = "verify")
final class VerifyCommand extends TeacherCommand {

    @Option(names = "--out", paramLabel = "DIR", description = "where the verification's files go (default: target/verify)")
    Path out;

    @Mixin
    Options.Jobs jobs;

    @Mixin
    Options.RequireSandbox sandbox;

    @Option(names = "--no-build", description = "skip the Maven build of the export")
    boolean noBuild;

    @Option(names = "--no-gradescope", description = "skip the Gradescope bundle check")
    boolean noGradescope;

    @Option(names = "--repeat", paramLabel = "N", description = "grade each known-wrong fixture N more times and check it"
            + " loses exactly its parts every time (a race fixture: in at least 19 of 20)")
    int repeat;

    @Option(names = "--module", paramLabel = "NAME", description = "verify only these modules (their solutions, stubs, fixtures)")
    List<String> modules = new ArrayList<>();

    @Option(names = "--fixtures-only", description = "grade only the solutions, stubs and fixtures: no export, batch or Gradescope check")
    boolean fixturesOnly;

    @Option(names = "--fixture", paramLabel = "NAME", description = "grade only these known-wrong fixtures (NAME or"
            + " MODULE--NAME), beside the solutions and stubs")
    List<String> fixtures = new ArrayList<>();

    @Option(names = "--races", description = "grade only the known-wrong fixtures whose mistake is a race (with --repeat 19:"
            + " the proof that each is caught in at least 19 of 20 gradings)")
    boolean races;

    @Override
    public Integer call() throws IOException {
        Path outDir = (out == null ? root().resolve("target/verify") : out).toAbsolutePath().normalize();
        int failures = new Verification(root(), new Verification.Options(outDir, jobs.atLeastOne(), !noBuild, !noGradescope, Math.max(0, repeat), modules, fixturesOnly,
                sandbox.required, fixtures, races),
                System.out).run();
        if (failures > 0) {
            System.err.println("verify: " + failures + " check(s) failed: the assignment is not sound yet (details above and in "
                    + outDir.resolve("verify.md") + ").");
            return ExitCodes.CHECK_FAILED;
        }
        return ExitCodes.OK;
    }
}
