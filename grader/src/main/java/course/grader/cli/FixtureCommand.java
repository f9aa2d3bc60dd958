package course.grader.cli;

import course.grader.teacher.FixturePatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./grade fixture FIXTURE --open DIR | --save DIR}: edit a known-wrong fixture as whole files. */
@Command(name = "fixture")
final class FixtureCommand extends TeacherCommand {

    @Parameters(index = "0", paramLabel = "FIXTURE", description = "the fixture's folder (with fixture.properties)")
    Path fixture;

    @ArgGroup(multiplicity = "1")
    Action action;

    /** Exactly one of the two. */
    static final class Action {
        @Option(names = "--open", paramLabel = "DIR", description = "write the fixture's files (the solution with its mistake) into DIR")
        Path open;

        @Option(names = "--save", paramLabel = "DIR", description = "write the fixture's patch from the files in DIR")
        Path save;
    }

    @Override
    public Integer call() throws IOException {
        if (action.open != null) {
            Path into = FixturePatch.apply(root(), fixture, action.open.toAbsolutePath().normalize());
            System.out.println("The fixture's files are in " + into + ": edit them, then --save " + into);
        } else {
            String patch = FixturePatch.diff(root(), action.save.toAbsolutePath().normalize(), FixturePatch.onStubs(fixture));
            Files.createDirectories(fixture);
            Files.writeString(fixture.resolve(FixturePatch.FILE), patch);
            System.out.println("Wrote " + fixture.resolve(FixturePatch.FILE) + " (" + patch.lines().count() + " lines)");
        }
        return ExitCodes.OK;
    }
}
