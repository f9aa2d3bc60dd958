package course.grader.teacher;

import course.grader.files.Processes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Makes a folder a git repository with one commit (the export, ready to push to the students' template repository). */
final class GitRepository {

    private static final Duration LIMIT = Duration.ofMinutes(2);

    private GitRepository() {
    }

    /** True when it worked; false when there is no git (the caller says how to do it by hand). */
    static boolean init(Path folder, String message) throws IOException {
        for (List<String> command : List.of(List.of("git", "init", "-q", "-b", "main"), List.of("git", "add", "-A"),
                List.of("git", "-c", "user.name=Course export", "-c", "user.email=export@course.invalid", "commit", "-q", "-m", message))) {
            try {
                Processes.Outcome outcome = Processes.run(new ProcessBuilder(command).directory(folder.toFile())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD), LIMIT);
                if (outcome.timedOut() || outcome.exitCode() != 0) {
                    return false;
                }
            } catch (IOException e) {
                return false; // no git on this machine
            }
        }
        return true;
    }
}
