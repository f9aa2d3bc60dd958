package course.grader.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The gradebook's CSV fields")
class GradebookTest {

    @Test
    @DisplayName("plain text stays as it is")
    void plain() {
        assertThat(Gradebook.csvField("alice")).isEqualTo("alice");
        assertThat(Gradebook.csvField(null)).isEmpty();
    }

    @Test
    @DisplayName("a comma or a quote makes a quoted field, with quotes doubled")
    void quoted() {
        assertThat(Gradebook.csvField("a, b")).isEqualTo("\"a, b\"");
        assertThat(Gradebook.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }

    @Test
    @DisplayName("line breaks become spaces, so a note never starts a new row")
    void oneLine() {
        assertThat(Gradebook.csvField("one\r\ntwo\nthree")).isEqualTo("one  two three");
    }

    @Test
    @DisplayName("a field a spreadsheet would run as a formula is prefixed with a quote")
    void noFormula() {
        assertThat(Gradebook.csvField("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Gradebook.csvField("+1")).isEqualTo("'+1");
        assertThat(Gradebook.csvField("-1")).isEqualTo("'-1");
        assertThat(Gradebook.csvField("@me")).isEqualTo("'@me");
    }
}
