package course.grader.grading;

import course.grader.files.FileTree;
import course.grader.model.CourseModule;
import course.grader.model.CourseModule.Folder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What would give a hidden test away: its class, method and display names and its longer string
 * literals, less anything the visible tests or the exercise's own code show anyway. A message of a
 * visible test or a module problem that quotes one (code under test can carry data from one test
 * to another) has it blacked out, in every view.
 */
final class HiddenTexts {

    static final int MIN_NAME = 6;
    static final int MIN_LITERAL = 12;
    static final String BLACKED_OUT = "[…]";
    /** A string literal on one line (unrolled, so a long one costs no deep recursion). */
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\\n]*+(?:\\\\.[^\"\\\\\n]*+)*+)\"");

    private HiddenTexts() {
    }

    static Set<String> of(CourseModule module, Set<String> hiddenClasses, TestCatalog catalog) throws IOException {
        Set<String> hidden = new HashSet<>();
        for (String name : hiddenClasses) {
            catalog.namesOf(name).stream().filter(n -> n.length() >= MIN_NAME).forEach(hidden::add);
        }
        hidden.addAll(literals(FileTree.files(module.folder(Folder.HIDDEN_TEST_JAVA))));
        Set<String> shown = literals(FileTree.files(module.folder(Folder.TEST_JAVA)));
        shown.addAll(literals(FileTree.files(module.folder(Folder.MAIN_JAVA))));
        for (Path file : FileTree.files(module.folder(Folder.TEST_JAVA))) {
            String top = FileTree.relative(module.folder(Folder.TEST_JAVA), file).replace(".java", "").replace('/', '.');
            shown.addAll(catalog.namesOf(top));
        }
        hidden.removeAll(shown);
        return Set.copyOf(hidden);
    }

    private static Set<String> literals(List<Path> files) throws IOException {
        Set<String> literals = new HashSet<>();
        for (Path file : files) {
            if (file.toString().endsWith(".java")) {
                Matcher m = LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    if (m.group(1).length() < MIN_LITERAL) {
                        continue;
                    }
                    literals.add(m.group(1).replace("\\\"", "\"").replace("\\n", "\n"));
                }
            }
        }
        return literals;
    }

    /** {@code text} with every hidden text in it blacked out. */
    static String blackOut(String text, Set<String> hidden) {
        if (text == null || hidden.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : hidden) {
            if (result.contains(secret)) {
                result = result.replace(secret, BLACKED_OUT);
            }
        }
        return result;
    }
}
