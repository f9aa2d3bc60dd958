package course.grader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./grade export-gradescope DIR}: the Gradescope autograder bundle. {@code DIR/autograder.zip}
 * (upload it to Gradescope) holds {@code setup.sh}, {@code run_autograder} and {@code course/}: the
 * teacher's course without the solutions, with the grader already built, so the autograder image
 * needs only a JDK 21. The same files are left unpacked in DIR for inspection.
 */
@Command(name = "export-gradescope", mixinStandardHelpOptions = true,
        description = {"Writes the Gradescope autograder bundle (DIR/autograder.zip).",
                "DIR must be new or empty. The zip holds setup.sh, run_autograder and the teacher's course (hidden",
                "tests, no solutions); it grades /autograder/submission into /autograder/results/results.json."})
final class GradescopeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "the new folder for the bundle")
    Path dir;

    @Override
    public Integer call() {
        try {
            Path zip = write(Main.courseRoot(), dir.toAbsolutePath().normalize());
            System.out.println("Gradescope bundle: " + zip + " (upload it as the autograder; see README, For teachers)");
            return 0;
        } catch (IOException e) {
            System.err.println("export-gradescope: " + e.getMessage());
            return Main.CANNOT_GRADE;
        }
    }

    /** Writes the bundle, unpacked and as {@code autograder.zip}; returns the zip. */
    static Path write(Path root, Path target) throws IOException {
        ExportCommand.requireMasterCopy(root);
        Path jar = root.resolve("grader/target/grader.jar");
        Path lib = root.resolve("grader/target/lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new Main.CannotGrade("the grader is not built (no " + jar + "): run ./grade once, or"
                    + " mvn -B -q -pl grader -am package -DskipTests, then export again.");
        }
        if (Files.exists(target)) {
            try (var children = Files.list(target)) {
                if (children.findAny().isPresent()) {
                    throw new Main.CannotGrade(target + " is not empty: give a new folder for the bundle.");
                }
            }
        }
        Path course = target.resolve("course");
        String pom = Files.readString(root.resolve("pom.xml"))
                .replaceAll("(?m)^[ \\t]*<module>\\s*solutions\\s*</module>[ \\t]*\\r?\\n", "");
        Files.createDirectories(course);
        Files.writeString(course.resolve("pom.xml"), pom);
        for (String file : List.of("grade", "grade.cmd", ".gitignore")) {
            copy(root.resolve(file), course.resolve(file));
        }
        for (String module : Export.modulesOf(pom)) {
            if (module.equals("grader")) {
                copy(root.resolve("grader/pom.xml"), course.resolve("grader/pom.xml"));
                copyTree(root.resolve("grader/src/main"), course.resolve("grader/src/main"));
                continue;
            }
            for (Path file : TrustedCopy.files(root.resolve(module))) {
                String relative = root.resolve(module).relativize(file).toString().replace('\\', '/');
                if (!relative.startsWith("target/")) {
                    copy(file, course.resolve(module).resolve(relative));
                }
            }
        }
        // The built grader, newer than its sources (copied with their times), so ./grade never rebuilds it.
        Files.createDirectories(course.resolve("grader/target/lib"));
        Files.copy(jar, course.resolve("grader/target/grader.jar"));
        for (Path file : TrustedCopy.files(lib)) {
            Files.copy(file, course.resolve("grader/target/lib").resolve(file.getFileName()));
        }
        Files.writeString(target.resolve("setup.sh"), Export.template("gradescope-setup.sh"));
        Files.writeString(target.resolve("run_autograder"), Export.template("run_autograder"));
        for (Path script : List.of(target.resolve("setup.sh"), target.resolve("run_autograder"), course.resolve("grade"))) {
            Export.makeExecutable(script);
        }
        Path zip = target.resolve("autograder.zip");
        try (OutputStream raw = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(raw)) {
            for (Path file : TrustedCopy.files(target)) {
                if (file.equals(zip)) {
                    continue;
                }
                ZipEntry entry = new ZipEntry(target.relativize(file).toString().replace('\\', '/'));
                entry.setLastModifiedTime(Files.getLastModifiedTime(file));
                out.putNextEntry(entry);
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from)) {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        for (Path file : TrustedCopy.files(from)) {
            copy(file, to.resolve(from.relativize(file).toString()));
        }
    }

    /**
     * Runs the bundle's {@code run_autograder} as Gradescope would, in {@code sandbox} laid out like
     * {@code /autograder} (source = the unzipped bundle, submission = a copy of {@code submission});
     * returns the results.json it wrote.
     */
    static Path runLocally(Path bundleZip, Path submission, Path sandbox) throws IOException, InterruptedException {
        Path source = sandbox.resolve("source");
        BatchCommand.unzip(bundleZip, source);
        Path submissionDir = sandbox.resolve("submission");
        BatchCommand.copyTree(submission, submissionDir);
        Files.createDirectories(sandbox.resolve("results"));
        // unzip keeps the entries' times: the built grader stays newer than its sources
        FileTime now = FileTime.fromMillis(System.currentTimeMillis());
        Files.setLastModifiedTime(source.resolve("course/grader/target/grader.jar"), now);
        ProcessBuilder builder = new ProcessBuilder("bash", source.resolve("run_autograder").toString())
                .redirectErrorStream(true).redirectOutput(sandbox.resolve("run_autograder.log").toFile());
        builder.environment().put("AUTOGRADER_ROOT", sandbox.toString());
        Process process = builder.start();
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly();
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
