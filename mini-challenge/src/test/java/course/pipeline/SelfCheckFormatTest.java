package course.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part:S")
@DisplayName("S. Self-check: your answers file is filled in")
class SelfCheckFormatTest {

    static final String ANSWERS = "course/pipeline/self-check-answers.properties";
    static final int QUESTIONS = 10;
    static final Set<String> LETTERS = Set.of("a", "b", "c", "d");

    /** The student's answers, from src/main/resources; a missing file reads as no answers. */
    static Properties answers() {
        Properties answers = new Properties();
        try (InputStream in = SelfCheckFormatTest.class.getClassLoader().getResourceAsStream(ANSWERS)) {
            if (in != null) {
                answers.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answers;
    }

    /** The answer to question {@code n}, trimmed and in lower case ("" when unanswered). */
    static String answerTo(Properties answers, int n) {
        return answers.getProperty("q" + n, "").trim().toLowerCase();
    }

    /**
     * Fails with the stub's TODO message while no question is answered at all (the answers file
     * as it comes), so that a student who has not started sees where to start, like every other stub.
     */
    static void requireStarted(Properties answers) {
        boolean started = false;
        for (int n = 1; n <= QUESTIONS; n++) {
            started |= !answerTo(answers, n).isEmpty();
        }
        if (!started) {
            throw new AssertionError("The self-check answers are not written yet: TODO: after each '=' in src/main/resources/"
                    + ANSWERS + " write the letter of your answer, a, b, c or d (README, part S)");
        }
    }

    @Test
    @Tag("points:1")
    @DisplayName("every question q1..q10 is answered with one letter a, b, c or d")
    void everyQuestionIsAnsweredWithOneLetter() {
        Properties answers = answers();
        requireStarted(answers);
        List<String> problems = new ArrayList<>();
        for (int n = 1; n <= QUESTIONS; n++) {
            String answer = answerTo(answers, n);
            if (!LETTERS.contains(answer)) {
                problems.add("q" + n + (answer.isEmpty() ? " is not answered" : " = '" + answer + "' is not one of a, b, c, d"));
            }
        }
        assertThat(problems)
                .as("the self-check answers in src/main/resources/%s (questions in the README, part S); "
                        + "write one letter after each '=', e.g. q1=a", ANSWERS)
                .isEmpty();
    }
}
