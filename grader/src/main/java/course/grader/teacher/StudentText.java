package course.grader.teacher;

import course.grader.files.FileTree;
import course.grader.model.CourseModule;
import course.grader.model.ModuleReadme;
import course.grader.model.Points;
import course.grader.model.Rubric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown a student reads in an export: no teacher text (seeds, solutions, fixtures,
 * the master/student switch, teacher docs), every relative link resolving inside the export, and
 * each module README's points per part the same as its rubric.
 */
final class StudentText {

    /** Words that mean something only in the teacher's copy, with what they usually are. */
    private static final List<Pattern> TEACHER_WORDS = List.of(
            Pattern.compile("\\bseeds?\\b"), Pattern.compile("-Dstudent\\b"), Pattern.compile("-pl solutions\\b"),
            Pattern.compile("\\bsolutions/"), Pattern.compile("\\bsolutions module\\b"), Pattern.compile("\\bfixtures?\\b"),
            Pattern.compile("AUTHORING\\.md"), Pattern.compile("\\bdocs/"), Pattern.compile("\\bmaster copy\\b"),
            Pattern.compile("teacher-only"), Pattern.compile("\\bhidden-test\\b"));
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private StudentText() {
    }

    /** Every problem of the Markdown files students read in the exported folder {@code export} (the grader's own sources aside). */
    static List<String> problems(Path export) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : FileTree.files(export)) {
            String relative = FileTree.relative(export, file);
            if (!relative.endsWith(".md") || relative.startsWith("grader/") || relative.contains("/target/")) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String where = relative + ":" + (i + 1);
                teacherWord(lines.get(i)).ifPresent(word -> problems.add("TEACHER TEXT in " + where + ": \"" + word
                        + "\" means nothing to a student — put the passage between <!-- teacher-only --> and"
                        + " <!-- /teacher-only --> in the master copy, or say it another way"));
                Matcher link = LINK.matcher(lines.get(i));
                while (link.find()) {
                    brokenLink(export, file, link.group(1)).ifPresent(target -> problems.add("BROKEN LINK in " + where
                            + ": " + target + " is not in the export — link to a file students have, or drop the link"));
                }
            }
        }
        return problems;
    }

    private static java.util.Optional<String> teacherWord(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (Pattern word : TEACHER_WORDS) {
            Matcher m = word.matcher(word.pattern().startsWith("-D") || word.pattern().startsWith("AUTHORING") ? line : lower);
            if (m.find()) {
                return java.util.Optional.of(m.group());
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<String> brokenLink(Path export, Path file, String target) {
        if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
            return java.util.Optional.empty(); // a web address, a mail address or an anchor in the same file
        }
        Path resolved = file.getParent().resolve(target.replaceAll("#.*$", "")).normalize();
        return resolved.startsWith(export) && Files.exists(resolved) ? java.util.Optional.empty() : java.util.Optional.of(target);
    }

    /** Each module README's points per part against its rubric. */
    static List<String> pointsAgree(List<CourseModule> modules) throws IOException {
        List<String> problems = new ArrayList<>();
        for (CourseModule module : modules) {
            var readme = ModuleReadme.of(module);
            if (readme.isEmpty()) {
                continue;
            }
            var sections = readme.get().parts();
            for (Rubric.Part part : module.rubric().parts().values()) {
                var section = sections.get(part.id());
                if (section == null || section.points() == null) {
                    problems.add(module.name() + "/README.md has no heading for part " + part.id() + " with its points"
                            + " (e.g. \"## " + part.id() + ". " + part.title() + " (" + Points.fmt(part.points()) + " points)\")");
                } else if (Math.abs(section.points() - part.points()) > 1e-9) {
                    problems.add(module.name() + "/README.md:" + section.line() + " gives part " + part.id() + " "
                            + Points.fmt(section.points()) + " points, rubric.properties " + Points.fmt(part.points())
                            + " — make them agree");
                }
            }
        }
        return problems;
    }
}
