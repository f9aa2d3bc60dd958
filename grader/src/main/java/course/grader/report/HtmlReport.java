package course.grader.report;

import course.grader.model.Points;
import course.grader.report.Results.ModuleResult;
import course.grader.report.Results.PartResult;
import course.grader.report.Results.TestResult;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG; no script, no font or image
 * fetched from anywhere) with the score table, every part and test, and for each failing test that
 * recorded one, its timeline. Everything from a test run is escaped.
 */
final class HtmlReport {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:64em;color:#222}
            table.score{border-collapse:collapse}td,th{padding:.2em .8em;text-align:left}
            td.points{text-align:right;font-variant-numeric:tabular-nums}
            .full{color:#1a7f37}.some{color:#9a6700}.none{color:#cf222e}
            details.test{margin:.3em 0 .3em 1em}summary{cursor:pointer}
            .passed summary::before{content:"✓ ";color:#1a7f37}.failed summary::before{content:"✗ ";color:#cf222e}
            pre{white-space:pre-wrap;background:#f6f8fa;padding:.6em;font-size:12px}
            svg.timeline{display:block;margin:.4em 0}svg text{font:11px system-ui,sans-serif;fill:#444}
            rect.done{fill:#2da44e}rect.failed{fill:#cf222e}rect.cancelled{fill:#8c959f}rect.running{fill:#fb8f44}
            path.in-flight{fill:none;stroke:#0969da;stroke-width:2}line.bound{stroke:#9a6700;stroke-dasharray:4 3}
            line.broke{stroke:#cf222e;stroke-width:2}
            """;

    private static final String LEGEND = "<p><small><svg width=\"10\" height=\"10\"><rect class=\"call done\" width=\"10\""
            + " height=\"10\"/></svg> done <svg width=\"10\" height=\"10\"><rect class=\"call failed\" width=\"10\" height=\"10\"/>"
            + "</svg> failed <svg width=\"10\" height=\"10\"><rect class=\"call cancelled\" width=\"10\" height=\"10\"/></svg>"
            + " cancelled <svg width=\"10\" height=\"10\"><rect class=\"call running\" width=\"10\" height=\"10\"/></svg> still"
            + " running · blue: calls in flight; dashed: the bound; red line: where the rule broke; hover a bar for its thread"
            + "</small></p>\n";

    private HtmlReport() {
    }

    static String render(Results results) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>Score ")
                .append(Points.fmt(results.earned())).append(" / ").append(Points.fmt(results.points()))
                .append("</title><style>").append(STYLE).append("</style></head><body>\n<h1>Score: ")
                .append(Points.fmt(results.earned())).append(" / ").append(Points.fmt(results.points())).append("</h1>\n");
        scoreTable(html, results);
        for (ModuleResult module : results.modules()) {
            module(html, module);
        }
        return html.append("<p><small>Tests ran in isolation: ").append(Html.escape(results.isolation()))
                .append("</small></p>\n</body></html>\n").toString();
    }

    private static void scoreTable(StringBuilder html, Results results) {
        html.append("<table class=\"score\"><tr><th>Module</th><th>Part</th><th>Points</th></tr>\n");
        for (ModuleResult module : results.modules()) {
            for (PartResult part : module.parts()) {
                html.append("<tr><td>").append(Html.escape(module.name())).append("</td><td>").append(Html.escape(part.id() + ". "
                        + part.title())).append("</td><td class=\"points ").append(grade(part.earned(), part.points())).append("\">")
                        .append(Points.fmt(part.earned())).append(" / ").append(Points.fmt(part.points())).append("</td></tr>\n");
            }
        }
        html.append("</table>\n");
    }

    private static void module(StringBuilder html, ModuleResult module) {
        html.append("<h2 id=\"").append(Html.escape(module.name())).append("\">").append(Html.escape(module.name() + " — "
                + module.title())).append(" <span class=\"").append(grade(module.earned(), module.points())).append("\">")
                .append(Points.fmt(module.earned())).append(" / ").append(Points.fmt(module.points())).append("</span></h2>\n");
        if (module.problem() != null) {
            html.append("<pre class=\"problem\">").append(Html.escape(module.problem())).append("</pre>\n");
        }
        for (PartResult part : module.parts()) {
            html.append("<h3>").append(Html.escape(part.id() + ". " + part.title())).append(" — ")
                    .append(Points.fmt(part.earned())).append(" / ").append(Points.fmt(part.points())).append("</h3>\n");
            module.tests().stream().filter(t -> part.id().equals(t.part())).forEach(test -> test(html, test));
        }
    }

    private static void test(StringBuilder html, TestResult test) {
        html.append("<details class=\"test ").append(test.passed() ? "passed" : "failed").append("\"")
                .append(test.timeline() != null ? " open" : "").append("><summary>").append(Html.escape(test.displayName()))
                .append(" <small>(").append(Points.fmt(test.points())).append(")</small></summary>\n");
        if (!test.passed() && !test.message().isEmpty()) {
            html.append("<pre>").append(Html.escape(test.message())).append("</pre>\n");
        }
        if (test.timeline() != null) {
            if (test.timeline().broke() != null) {
                html.append("<p class=\"broke\">").append(Html.escape(test.timeline().broke().rule())).append("</p>\n");
            }
            html.append(TimelineSvg.render(test.timeline())).append(LEGEND);
        }
        html.append("</details>\n");
    }

    private static String grade(double earned, double points) {
        return earned >= points - 1e-9 ? "full" : earned > 0 ? "some" : "none";
    }
}
