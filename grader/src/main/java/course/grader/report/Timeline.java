package course.grader.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a test saw happen, in the test's own time: one entry per call to a fake (a fetch, a
 * download, a transform, a consumer call), with its lane, start, end, outcome and thread; the bound
 * the test holds the code to (e.g. 10 fetches in flight); and, where the test knows it, the moment
 * a rule broke. The tests' support code records it and publishes it when a test fails.
 *
 * @param unit   the unit of every time ("s" for seconds of the test's clock)
 * @param bound  the most calls allowed in flight at once, or null
 * @param broke  where and how the rule broke, or null
 */
public record Timeline(String unit, List<Call> calls, Integer bound, String boundLabel, Moment broke) {

    /** One call: {@code end} null while it was still running when the test ended; outcome done, failed, cancelled or running. */
    public record Call(String lane, double start, Double end, String outcome, String thread) {
    }

    public record Moment(double at, String rule) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The timeline a test published, or empty when it is not one (malformed, or empty). */
    public static Optional<Timeline> parse(String json) {
        try {
            Timeline timeline = JSON.readValue(json, Timeline.class);
            return timeline.calls() == null || timeline.calls().isEmpty() ? Optional.empty() : Optional.of(timeline);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** When the last call ended (or the breaking moment, if later): the right edge of a picture. */
    public double end() {
        double end = calls.stream().mapToDouble(c -> c.end() == null ? c.start() : c.end()).max().orElse(0);
        return Math.max(end, broke == null ? 0 : broke.at());
    }

    /** The calls in flight over time: (time, count) at each change, from 0. */
    public List<double[]> inFlight() {
        List<double[]> changes = new ArrayList<>();
        for (Call call : calls) {
            changes.add(new double[] {call.start(), 1});
            changes.add(new double[] {call.end() == null ? Double.MAX_VALUE : call.end(), -1});
        }
        changes.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        List<double[]> steps = new ArrayList<>(List.of(new double[] {0, 0}));
        int count = 0;
        for (double[] change : changes) {
            if (change[0] == Double.MAX_VALUE) {
                break;
            }
            count += (int) change[1];
            steps.add(new double[] {change[0], count});
        }
        return steps;
    }

    /** The most calls in flight at once. */
    public int peak() {
        return inFlight().stream().mapToInt(step -> (int) step[1]).max().orElse(0);
    }
}
