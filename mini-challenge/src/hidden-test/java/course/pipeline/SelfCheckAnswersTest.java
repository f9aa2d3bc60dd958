package course.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("part:S")
@DisplayName("S. Self-check: answers")
class SelfCheckAnswersTest {

    private static final String KEY = "course/pipeline/self-check-key.properties";

    private static Properties key() {
        Properties key = new Properties();
        try (InputStream in = SelfCheckAnswersTest.class.getClassLoader().getResourceAsStream(KEY)) {
            assertThat(in).as("the answer key %s on the test class path", KEY).isNotNull();
            key.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    private static void grade(int n) {
        Properties key = key();
        Properties answers = SelfCheckFormatTest.answers();
        SelfCheckFormatTest.requireStarted(answers);
        String given = SelfCheckFormatTest.answerTo(answers, n);
        assertThat(given)
                .as("answer to self-check question %d (expected %s: %s)", n, key.getProperty("q" + n), key.getProperty("q" + n + ".why"))
                .isEqualTo(key.getProperty("q" + n));
    }

    @Test
    @Tag("points:1")
    @DisplayName("question 1: an async HTTP client and 500 calls")
    void question1() {
        grade(1);
    }

    @Test
    @Tag("points:1")
    @DisplayName("question 2: a blocking library and 10,000 waits")
    void question2() {
        grade(2);
    }

    @Test
    @Tag("points:1")
    @DisplayName("question 3: a pool for CPU-heavy work")
    void question3() {
        grade(3);
    }

    @Test
    @Tag("points:1")
    @DisplayName("question 4: no global interpreter lock in Java")
    void question4() {
        grade(4);
    }

    @Test
    @Tag("points:1")
    @DisplayName("question 5: join() inside a callback")
    void question5() {
        grade(5);
    }

    @Test
    @Tag("points:1")
    @DisplayName("question 6: what cancel(true) does to a running task")
    void question6() {
        grade(6);
    }

    @Test
    @Tag("points:1")
    @DisplayName("question 7: the lost increments")
    void question7() {
        grade(7);
    }

    @Test
    @Tag("points:1")
    @DisplayName("question 8: a timeout without cancellation")
    void question8() {
        grade(8);
    }

    @Test
    @Tag("points:1")
    @DisplayName("question 9: ordered results, as early as possible")
    void question9() {
        grade(9);
    }

    @Test
    @Tag("points:1")
    @DisplayName("question 10: backpressure")
    void question10() {
        grade(10);
    }
}
