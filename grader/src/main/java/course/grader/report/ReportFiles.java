package course.grader.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every report file of one grading run, all made from the same {@link Results}: {@code scores.txt},
 * {@code summary.md}, {@code summary-teacher.md} (teacher view only), {@code report.json},
 * Gradescope's {@code results.json}, the JUnit XML of each module and {@code report.html} (with
 * the failing tests' timelines).
 */
public final class ReportFiles {

    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_HTML = "report.html";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReportFiles() {
    }

    /**
     * Writes every report. In the student view ({@code teacher} false) nothing written names a
     * hidden test or shows its output: hidden tests appear only as a count and points.
     */
    public static void writeAll(Results results, Path outDir, boolean teacher) throws IOException {
        Files.createDirectories(outDir);
        Results shown = teacher ? results : HiddenTests.redacted(results);
        Files.writeString(outDir.resolve("scores.txt"), ScoreTable.render(results, teacher, false));
        Files.writeString(outDir.resolve("summary.md"), MarkdownSummary.render(results, false));
        if (teacher) {
            Files.writeString(outDir.resolve("summary-teacher.md"), MarkdownSummary.render(results, true));
        }
        JSON.writeValue(outDir.resolve(REPORT_JSON).toFile(), shown);
        JSON.writeValue(outDir.resolve("results.json").toFile(), GradescopeResults.of(shown));
        JUnitXml.writeAll(shown, outDir);
        Files.writeString(outDir.resolve(REPORT_HTML), HtmlReport.render(shown));
    }

    /** Reads a {@code report.json} back. */
    public static Results read(Path reportJson) throws IOException {
        return JSON.readValue(reportJson.toFile(), Results.class);
    }

    /** Reads a Gradescope {@code results.json}. */
    public static GradescopeResults readGradescope(Path resultsJson) throws IOException {
        return JSON.readValue(resultsJson.toFile(), GradescopeResults.class);
    }
}
