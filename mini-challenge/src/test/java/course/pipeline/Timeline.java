package course.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * What a test saw happen, for the grader's timeline pictures: every call to a fake (a fetch, a
 * download, a transform, a consumer call) with its lane, start, end, outcome and thread, in the
 * test's own time; the bound the test holds the code to; and the moment a rule broke, where a fake
 * sees it. Recording is cheap and always on; {@link TimelineExtension} publishes the timeline of a
 * test that failed (the grader draws it; a plain {@code mvn test} ignores it).
 *
 * <p>The same file, but for its package line, in every module that records (a grader test checks).
 */
public final class Timeline {

    /** One call in flight or done. */
    public final class Call {
        private final String lane;
        private final double start;
        private final String thread;
        private double end = Double.NaN;
        private String outcome = "running";

        private Call(String lane) {
            this.lane = lane;
            this.start = now();
            this.thread = Thread.currentThread().getName();
        }

        public void done() {
            finish("done");
        }

        public void failed() {
            finish("failed");
        }

        public void cancelled() {
            finish("cancelled");
        }

        private void finish(String how) {
            synchronized (Timeline.this) {
                if (Double.isNaN(end)) {
                    end = now();
                    outcome = how;
                }
            }
        }
    }

    private static final int MAX_CALLS = 500;
    private static volatile Timeline current = new Timeline();

    private final long origin = System.nanoTime();
    private final List<Call> calls = new ArrayList<>();
    private volatile DoubleSupplier clock = () -> (System.nanoTime() - origin) / 1e9;
    private Integer bound;
    private String boundLabel;
    private double brokeAt = Double.NaN;
    private String brokeRule;

    /** The timeline of the test running now (a fresh one per test). */
    public static Timeline current() {
        return current;
    }

    /** Starts a fresh timeline: the extension calls this before each test. */
    static void reset() {
        current = new Timeline();
    }

    /** Reads time from the test's own clock (seconds), e.g. a manual scheduler's; by default elapsed real time. */
    public Timeline clock(DoubleSupplier seconds) {
        clock = seconds;
        return this;
    }

    /** The most calls the rule allows in flight at once, drawn as a dashed line. */
    public synchronized Timeline bound(String label, int max) {
        boundLabel = label;
        bound = max;
        return this;
    }

    /** A call starts now, in lane {@code lane} (e.g. "fetch 3"). */
    public synchronized Call start(String lane) {
        Call call = new Call(lane);
        if (calls.size() < MAX_CALLS) {
            calls.add(call);
        }
        return call;
    }

    /** The rule broke now (the first time counts), e.g. "11th fetch started while 10 were in flight". */
    public synchronized void broke(String rule) {
        if (brokeRule == null) {
            brokeAt = now();
            brokeRule = rule;
        }
    }

    synchronized boolean isEmpty() {
        return calls.isEmpty();
    }

    private double now() {
        return clock.getAsDouble();
    }

    /** The timeline as the grader reads it (JSON). */
    synchronized String toJson() {
        StringBuilder json = new StringBuilder("{\"unit\":\"s\",\"calls\":[");
        for (int i = 0; i < calls.size(); i++) {
            Call c = calls.get(i);
            json.append(i == 0 ? "" : ",").append("{\"lane\":").append(quote(c.lane)).append(",\"start\":").append(number(c.start))
                    .append(",\"end\":").append(Double.isNaN(c.end) ? "null" : number(c.end)).append(",\"outcome\":")
                    .append(quote(c.outcome)).append(",\"thread\":").append(quote(c.thread)).append('}');
        }
        json.append("],\"bound\":").append(bound == null ? "null" : bound).append(",\"boundLabel\":")
                .append(boundLabel == null ? "null" : quote(boundLabel)).append(",\"broke\":");
        json.append(brokeRule == null ? "null" : "{\"at\":" + number(brokeAt) + ",\"rule\":" + quote(brokeRule) + "}");
        return json.append('}').toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
