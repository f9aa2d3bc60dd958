package course.grader.teacher;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import com.github.difflib.patch.PatchFailedException;
import com.github.difflib.patch.VerifyChunk;
import com.github.difflib.unifieddiff.UnifiedDiff;
import com.github.difflib.unifieddiff.UnifiedDiffFile;
import com.github.difflib.unifieddiff.UnifiedDiffReader;
import course.grader.files.FileTree;
import course.grader.model.CannotGrade;
import course.grader.model.CourseModule;
import course.grader.model.CourseModule.Folder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixture's mistake, kept as a unified diff ({@code mistake.patch}) against the reference
 * solution: paths like {@code a/course/<pkg>/X.java} are relative to {@code solutions/src/main/java}
 * (or {@code solutions/src/main/resources} for a non-Java file). A fixture whose
 * {@code fixture.properties} says {@code base=stubs} (an attack on the grader, say) is a diff
 * against the module's stubs instead. Applied strictly: a hunk that no longer matches is an error
 * naming the fixture, the file and the hunk.
 */
public final class FixturePatch {

    public static final String FILE = "mistake.patch";
    private static final int CONTEXT_LINES = 3;

    private FixturePatch() {
    }

    /** Writes the files the patch of {@code fixture} makes from the solutions of {@code root} into {@code into}. */
    public static Path apply(Path root, Path fixture, Path into) throws IOException {
        Path file = fixture.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new CannotGrade("fixture " + fixture + " has no " + FILE + " (a unified diff against the reference solution:"
                    + " see docs/AUTHORING.md, Known-wrong fixtures)");
        }
        UnifiedDiff diff;
        try (InputStream in = Files.newInputStream(file)) {
            diff = UnifiedDiffReader.parseUnifiedDiff(in);
        }
        if (diff.getFiles().isEmpty()) {
            throw new CannotGrade("fixture " + fixture + ": " + FILE + " changes no file");
        }
        FileTree.deleteRecursively(into);
        for (UnifiedDiffFile changed : diff.getFiles()) {
            String path = stripPrefix(changed.getToFile() == null || changed.getToFile().equals("/dev/null")
                    ? changed.getFromFile() : changed.getToFile());
            List<String> patched = patched(fixture, path, original(root, path, onStubs(fixture)), changed.getPatch());
            Path target = into.resolve(path);
            Files.createDirectories(target.getParent());
            Files.write(target, patched, StandardCharsets.UTF_8);
        }
        return into;
    }

    private static List<String> patched(Path fixture, String path, List<String> original, Patch<String> patch) throws CannotGrade {
        int hunk = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            hunk++;
            try {
                if (delta.getSource().verifyChunk(original) != VerifyChunk.OK) {
                    throw new PatchFailedException("context differs");
                }
            } catch (PatchFailedException e) {
                int line = delta.getSource().getPosition() + 1;
                throw new CannotGrade("fixture " + fixture.getFileName() + ": hunk " + hunk + " of " + FILE + " (" + path + ", at line "
                        + line + ", starting `" + delta.getSource().getLines().stream().findFirst().orElse("").strip()
                        + "`) no longer applies to the reference solution: the solution changed there. Open the fixture"
                        + " (./grade fixture " + fixture + " --open DIR), redo the mistake, and save it (--save DIR).");
            }
        }
        try {
            return DiffUtils.patch(original, patch);
        } catch (PatchFailedException e) {
            throw new CannotGrade("fixture " + fixture.getFileName() + ": " + FILE + " does not apply to " + path + ": " + e.getMessage());
        }
    }

    /**
     * The unified diff that turns the solutions (or, {@code onStubs}, the stubs) of {@code root} into
     * the files below {@code edited}/course/.
     */
    public static String diff(Path root, Path edited, boolean onStubs) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : FileTree.files(edited.resolve("course"))) {
            String path = FileTree.relative(edited, file);
            List<String> original = original(root, path, onStubs);
            List<String> revised = Files.readAllLines(file, StandardCharsets.UTF_8);
            Patch<String> patch = DiffUtils.diff(original, revised);
            if (!patch.getDeltas().isEmpty()) {
                lines.addAll(UnifiedDiffUtils.generateUnifiedDiff(original.isEmpty() ? "/dev/null" : "a/" + path,
                        "b/" + path, original, patch, CONTEXT_LINES));
            }
        }
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    /** Is {@code fixture} a patch against the stubs ({@code base=stubs} in its properties)? */
    public static boolean onStubs(Path fixture) throws IOException {
        Path properties = fixture.resolve(Fixture.PROPERTIES);
        return Files.isRegularFile(properties) && Files.readAllLines(properties).stream().map(String::strip)
                .anyMatch(line -> line.replace(" ", "").equals("base=stubs"));
    }

    /** The lines at {@code path} of the solution (or the stubs), Java sources else resources, or none for a new file. */
    private static List<String> original(Path root, String path, boolean onStubs) throws IOException {
        List<Path> folders = new ArrayList<>();
        if (onStubs) {
            for (CourseModule module : CourseModule.discover(root)) {
                folders.addAll(List.of(module.folder(Folder.MAIN_JAVA), module.folder(Folder.MAIN_RESOURCES)));
            }
        } else {
            folders.addAll(List.of(root.resolve("solutions/src/main/java"), root.resolve("solutions/src/main/resources")));
        }
        for (Path folder : folders) {
            Path file = folder.resolve(path);
            if (Files.isRegularFile(file)) {
                return Files.readAllLines(file, StandardCharsets.UTF_8);
            }
        }
        return List.of();
    }

    private static String stripPrefix(String path) {
        return path.startsWith("a/") || path.startsWith("b/") ? path.substring(2) : path;
    }
}
