package course.grader.report;

import course.grader.report.Timeline.Call;

/**
 * A timeline as a Mermaid {@code gantt} block for summary.md (GitHub draws Mermaid in comments):
 * one task per call (done, failed = crit, still running = active), the breaking moment as a
 * milestone; at most {@value #MAX_TASKS} calls, times in milliseconds of the test's clock.
 */
final class MermaidGantt {

    static final int MAX_TASKS = 25;

    private MermaidGantt() {
    }

    static String render(String title, Timeline timeline) {
        double scale = "s".equals(timeline.unit()) ? 1000 : 1;
        StringBuilder md = new StringBuilder("```mermaid\ngantt\n    title ").append(label(title)).append('\n')
                .append("    dateFormat x\n    axisFormat %S.%L s\n    section calls\n");
        timeline.calls().stream().limit(MAX_TASKS).forEach(call -> task(md, call, timeline, scale));
        if (timeline.calls().size() > MAX_TASKS) {
            md.append("    %% ").append(timeline.calls().size() - MAX_TASKS).append(" more calls not drawn\n");
        }
        if (timeline.broke() != null) {
            long at = Math.round(timeline.broke().at() * scale);
            md.append("    section rule\n    ").append(label(timeline.broke().rule())).append(" :milestone, crit, ")
                    .append(at).append(", ").append(at).append('\n');
        }
        return md.append("```\n").toString();
    }

    private static void task(StringBuilder md, Call call, Timeline timeline, double scale) {
        long start = Math.round(call.start() * scale);
        long end = Math.max(start + 1, Math.round((call.end() == null ? timeline.end() : call.end()) * scale));
        String tag = switch (call.outcome() == null ? "" : call.outcome()) {
            case "done" -> "done, ";
            case "failed" -> "crit, ";
            case "cancelled" -> "";
            default -> "active, ";
        };
        md.append("    ").append(label(call.lane() + " (" + call.outcome() + ")")).append(" :").append(tag)
                .append(start).append(", ").append(end).append('\n');
    }

    /** A Mermaid-safe label: no colon, hash, semicolon or line break (they are syntax there), at most 60 characters. */
    static String label(String text) {
        String safe = text == null ? "" : text.replaceAll("[:#;\\r\\n%`<>]", " ").replaceAll("\\s+", " ").strip();
        return Text.abbreviate(safe.isEmpty() ? "call" : safe, 60);
    }
}
