package course.grader.teacher;

import course.grader.files.FileTree;
import course.grader.files.Processes;
import course.grader.files.Zip;
import course.grader.model.CannotGrade;
import course.grader.model.StudentVersion;
import course.grader.model.Templates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;

/**
 * The Gradescope autograder bundle: {@code DIR/autograder.zip} (upload it to Gradescope) holds
 * {@code setup.sh}, {@code run_autograder} and {@code course/}: the student version with the
 * hidden tests, and the grader already built, so the autograder image needs only a JDK 21. The
 * same files are left unpacked in DIR for inspection.
 */
public final class GradescopeBundle {

    private GradescopeBundle() {
    }

    /** Writes the bundle, unpacked and as {@code autograder.zip}; returns the zip. */
    public static Path write(Path root, Path target) throws IOException {
        MasterCopy.require(root);
        Path jar = root.resolve("grader/target/grader.jar");
        Path lib = root.resolve("grader/target/lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new CannotGrade("the grader is not built (no " + jar + "): run ./grade once, or"
                    + " mvn -B -q -pl grader -am package -DskipTests, then export again.");
        }
        if (!FileTree.isNewOrEmpty(target)) {
            throw new CannotGrade(target + " is not empty: give a new folder for the bundle.");
        }
        Path course = target.resolve("course");
        StudentVersion.withHiddenTests(root).writeTo(course);
        // The built grader, written after its sources, so ./grade never rebuilds it.
        Files.createDirectories(course.resolve("grader/target/lib"));
        Files.copy(jar, course.resolve("grader/target/grader.jar"));
        for (Path file : FileTree.files(lib)) {
            Files.copy(file, course.resolve("grader/target/lib").resolve(file.getFileName()));
        }
        Files.writeString(target.resolve("setup.sh"), Templates.read("gradescope-setup.sh"));
        Files.writeString(target.resolve("run_autograder"), Templates.read("run_autograder"));
        for (Path script : List.of(target.resolve("setup.sh"), target.resolve("run_autograder"), course.resolve("grade"))) {
            FileTree.makeExecutable(script);
        }
        Path zip = target.resolve("autograder.zip");
        Zip.zip(target, zip);
        return zip;
    }

    /**
     * Runs the bundle's {@code run_autograder} as Gradescope would, in {@code sandbox} laid out like
     * {@code /autograder} (source = the unzipped bundle, submission = a copy of {@code submission});
     * returns the results.json it wrote.
     */
    public static Path runLocally(Path bundleZip, Path submission, Path sandbox) throws IOException {
        Path source = sandbox.resolve("source");
        Zip.unzip(bundleZip, source);
        FileTree.copyTree(submission, sandbox.resolve("submission"), relative -> true);
        Files.createDirectories(sandbox.resolve("results"));
        // a zip keeps times to two seconds only: the built grader must stay newer than its sources
        Files.setLastModifiedTime(source.resolve("course/grader/target/grader.jar"), FileTime.fromMillis(System.currentTimeMillis()));
        ProcessBuilder builder = new ProcessBuilder("bash", source.resolve("run_autograder").toString())
                .redirectErrorStream(true).redirectOutput(sandbox.resolve("run_autograder.log").toFile());
        builder.environment().put("AUTOGRADER_ROOT", sandbox.toString());
        if (Processes.run(builder, Duration.ofMinutes(15)).timedOut()) {
            throw new IOException("run_autograder did not finish within 15 minutes");
        }
        Path results = sandbox.resolve("results/results.json");
        if (!Files.isRegularFile(results)) {
            throw new IOException("run_autograder wrote no results.json; its output: "
                    + Files.readString(sandbox.resolve("run_autograder.log"), StandardCharsets.UTF_8));
        }
        return results;
    }
}
