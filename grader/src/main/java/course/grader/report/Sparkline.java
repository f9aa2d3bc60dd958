package course.grader.report;

import java.util.List;
import java.util.Locale;

/** A timeline on one console line: the calls in flight over time as a sparkline, the bound and the breaking moment. */
final class Sparkline {

    private static final String BARS = "▁▂▃▄▅▆▇█";
    private static final int WIDTH = 32;

    private Sparkline() {
    }

    static String render(Timeline timeline) {
        double end = Math.max(timeline.end(), 1e-9);
        List<double[]> steps = timeline.inFlight();
        int max = Math.max(1, Math.max(timeline.peak(), timeline.bound() == null ? 0 : timeline.bound()));
        StringBuilder line = new StringBuilder("in flight ");
        for (int i = 0; i < WIDTH; i++) {
            double from = end * i / WIDTH;
            double to = end * (i + 1) / WIDTH;
            int most = 0;
            int current = 0;
            for (double[] step : steps) {
                if (step[0] <= from) {
                    current = (int) step[1];
                } else if (step[0] < to) {
                    most = Math.max(most, (int) step[1]);
                }
            }
            most = Math.max(most, current);
            line.append(BARS.charAt(Math.min(BARS.length() - 1, most * (BARS.length() - 1) / max)));
        }
        line.append(String.format(Locale.ROOT, " peak %d", timeline.peak()));
        if (timeline.bound() != null) {
            line.append(timeline.peak() > timeline.bound() ? " > " : " ≤ ").append("bound ").append(timeline.bound());
        }
        if (timeline.broke() != null) {
            line.append(" · broke at t = ").append(TimelineSvg.time(timeline.broke().at(), timeline.unit()))
                    .append(": ").append(Text.abbreviate(timeline.broke().rule(), 80));
        }
        return line.toString();
    }
}
