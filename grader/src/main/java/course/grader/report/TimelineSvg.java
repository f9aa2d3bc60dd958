package course.grader.report;

import course.grader.report.Timeline.Call;
import java.util.List;
import java.util.Locale;

/**
 * A timeline as an inline SVG: one bar per call (green done, red failed, grey cancelled, orange
 * still running), the thread and times on hover, and below them the calls in flight over time
 * with the allowed bound dashed and the moment a rule broke marked in red.
 */
final class TimelineSvg {

    static final int MAX_ROWS = 60;
    private static final int WIDTH = 760;
    private static final int LABELS = 130;
    private static final int ROW = 14;
    private static final int CHART = 70;

    private TimelineSvg() {
    }

    static String render(Timeline timeline) {
        List<Call> calls = timeline.calls().stream().limit(MAX_ROWS).toList();
        double end = Math.max(timeline.end(), 1e-9) * 1.05;
        int barsHeight = calls.size() * ROW + (timeline.calls().size() > MAX_ROWS ? ROW : 0);
        int height = 20 + barsHeight + 16 + CHART + 24;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"timeline\" width=\"%d\" height=\"%d\" role=\"img\">", WIDTH, height));
        for (int i = 0; i < calls.size(); i++) {
            bar(svg, calls.get(i), 20 + i * ROW, end, timeline.unit());
        }
        if (timeline.calls().size() > MAX_ROWS) {
            svg.append(text(LABELS - 6, 20 + barsHeight - 3, "… " + (timeline.calls().size() - MAX_ROWS) + " more", "end"));
        }
        chart(svg, timeline, 20 + barsHeight + 16, end);
        axis(svg, height - 6, end, timeline.unit());
        return svg.append("</svg>").toString();
    }

    private static void bar(StringBuilder svg, Call call, int y, double end, String unit) {
        double stop = call.end() == null ? end : call.end();
        double x = x(call.start(), end);
        double w = Math.max(2, x(stop, end) - x);
        svg.append(text(LABELS - 6, y + ROW - 4, Text.abbreviate(call.lane(), 20), "end"));
        svg.append(String.format(Locale.ROOT, "<rect class=\"call %s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"2\">",
                cssClass(call.outcome()), x, y + 2, w, ROW - 4));
        svg.append("<title>").append(Html.escape(call.lane() + ": " + call.outcome() + ", " + time(call.start(), unit) + " → "
                + (call.end() == null ? "still running" : time(call.end(), unit)) + " on thread " + call.thread())).append("</title></rect>");
    }

    private static void chart(StringBuilder svg, Timeline timeline, int top, double end) {
        List<double[]> steps = timeline.inFlight();
        int max = Math.max(timeline.peak(), timeline.bound() == null ? 0 : timeline.bound()) + 1;
        StringBuilder path = new StringBuilder();
        double lastY = top + CHART;
        for (double[] step : steps) {
            double y = top + CHART - step[1] * CHART / max;
            path.append(path.isEmpty() ? "M" : " L").append(fmt(x(step[0], end))).append(',').append(fmt(lastY))
                    .append(" L").append(fmt(x(step[0], end))).append(',').append(fmt(y));
            lastY = y;
        }
        path.append(" L").append(fmt(x(end, end))).append(',').append(fmt(lastY));
        svg.append(text(LABELS - 6, top + 12, "in flight", "end"));
        svg.append("<path class=\"in-flight\" d=\"").append(path).append("\"><title>at most ").append(timeline.peak())
                .append(" at once</title></path>");
        if (timeline.bound() != null) {
            double y = top + CHART - timeline.bound() * (double) CHART / max;
            svg.append(String.format(Locale.ROOT, "<line class=\"bound\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>", LABELS, y, WIDTH, y));
            svg.append(text(WIDTH - 4, (int) y - 3, Text.abbreviate(timeline.boundLabel() == null ? "bound" : timeline.boundLabel(), 40)
                    + " " + timeline.bound(), "end"));
        }
        if (timeline.broke() != null) {
            double x = x(timeline.broke().at(), end);
            svg.append(String.format(Locale.ROOT, "<line class=\"broke\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"><title>%s</title></line>",
                    x, 10, x, top + CHART, Html.escape(timeline.broke().rule())));
        }
    }

    private static void axis(StringBuilder svg, int y, double end, String unit) {
        for (int i = 0; i <= 4; i++) {
            double t = end * i / 4;
            svg.append(text((int) x(t, end), y, time(t, unit), i == 0 ? "start" : i == 4 ? "end" : "middle"));
        }
    }

    private static double x(double time, double end) {
        return LABELS + (WIDTH - LABELS - 8) * time / end;
    }

    private static String text(int x, int y, String content, String anchor) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\">" + Html.escape(content) + "</text>";
    }

    private static String cssClass(String outcome) {
        return switch (outcome == null ? "" : outcome) {
            case "done", "failed", "cancelled" -> outcome;
            default -> "running";
        };
    }

    static String time(double t, String unit) {
        return String.format(Locale.ROOT, "%.2f %s", t, unit == null ? "" : unit).strip();
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
