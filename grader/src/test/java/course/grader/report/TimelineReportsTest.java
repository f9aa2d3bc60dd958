package course.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import course.grader.report.Results.ModuleResult;
import course.grader.report.Results.PartResult;
import course.grader.report.Results.Status;
import course.grader.report.Results.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing test's timeline in every picture: report.html, the Mermaid block of summary.md, the console's sparkline. */
@DisplayName("Timelines in the reports")
class TimelineReportsTest {

    @TempDir
    Path dir;

    /** Eleven fetches in flight where ten are allowed; the eleventh starts at 1.2 s. One lane name tries to be markup. */
    static Timeline elevenInFlight() {
        List<Timeline.Call> calls = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            calls.add(new Timeline.Call("fetch " + i, 0.1 * i, 2.0 + 0.1 * i, "done", "io-" + i));
        }
        calls.add(new Timeline.Call("<script>alert(1)</script>: fetch 11", 1.2, null, "running", "io-\"11\""));
        return new Timeline("s", calls, 10, "allowed in flight",
                new Timeline.Moment(1.2, "11th fetch started at t = 1.20 s while 10 were in flight"));
    }

    static Results results(Timeline timeline, boolean hidden) {
        TestResult failing = new TestResult("t1", "course.demo.LimitTest", "limit", "at most 10 fetches run at once", "A", 5,
                hidden, Status.FAILED, "expected at most 10 in flight but saw 11", timeline);
        ModuleResult module = new ModuleResult("exercise-99-demo", "Demo", List.of(new PartResult("A", "Limit", 5, 0)),
                List.of(failing), null, List.of(), 1.0, null);
        return new Results("f", "s", List.of(module), 1.0, List.of(), "bubblewrap");
    }

    @Test
    @DisplayName("the in-flight count, its peak and the bound are computed from the calls")
    void inFlight() {
        Timeline timeline = elevenInFlight();

        assertThat(timeline.peak()).isEqualTo(11);
        assertThat(timeline.end()).isEqualTo(3.0);
    }

    @Test
    @DisplayName("report.html draws it as inline SVG, escapes every name and fetches nothing")
    void html() throws Exception {
        ReportFiles.writeAll(results(elevenInFlight(), false), dir, true);
        String html = Files.readString(dir.resolve(ReportFiles.REPORT_HTML));

        assertThat(html).contains("<svg class=\"timeline\"").contains("class=\"bound\"").contains("class=\"broke\"")
                .contains("rect class=\"call running\"").contains("11th fetch started at t = 1.20 s")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>")
                .doesNotContain("http://").doesNotContain("https://").doesNotContain("src=");
    }

    @Test
    @DisplayName("summary.md holds a Mermaid gantt block with one task per call and the breaking moment as a milestone")
    void mermaid() throws Exception {
        ReportFiles.writeAll(results(elevenInFlight(), false), dir, false);
        String summary = Files.readString(dir.resolve("summary.md"));

        assertThat(summary).contains("```mermaid\ngantt\n").contains("dateFormat x").contains("fetch 1 (done) :done, 100, 2100")
                .contains(":milestone, crit, 1200, 1200").doesNotContain("<script>");
        assertThat(MermaidGantt.label("a: b # c; d\ne")).isEqualTo("a b c d e");
    }

    @Test
    @DisplayName("the console shows one line: the in-flight sparkline, the peak against the bound, the breaking moment")
    void sparkline() {
        String line = Sparkline.render(elevenInFlight());

        assertThat(line).startsWith("in flight ").contains("peak 11 > bound 10").contains("broke at t = 1.20 s");
        assertThat(ScoreTable.render(results(elevenInFlight(), false), true, false)).contains(line);
    }

    @Test
    @DisplayName("the student view shows no timeline of a hidden test")
    void hiddenTimelinesStayHidden() throws Exception {
        ReportFiles.writeAll(results(elevenInFlight(), true), dir, false);

        for (String file : List.of("report.html", "summary.md", "scores.txt", "report.json")) {
            assertThat(Files.readString(dir.resolve(file))).as(file).doesNotContain("fetch 11").doesNotContain("mermaid");
        }
    }

    @Test
    @DisplayName("a published timeline that is not one (malformed, or no calls) is left out")
    void malformed() {
        assertThat(Timeline.parse("{not json")).isEmpty();
        assertThat(Timeline.parse("{\"unit\":\"s\",\"calls\":[]}")).isEmpty();
        assertThat(Timeline.parse("{\"unit\":\"s\",\"calls\":[{\"lane\":\"a\",\"start\":0,\"end\":1,\"outcome\":\"done\",\"thread\":\"t\"}]}"))
                .isPresent();
    }
}
