package course.cpuparallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("part:D")
@ExtendWith({NotWrittenYet.class, TimelineExtension.class})
@DisplayName("D. Speedup report: different results, a clock that reads negative")
class SpeedupReportEdgeCasesTest {

    @Test
    @Tag("points:2")
    @DisplayName("Different results are reported as different, and the parallel version's result is kept")
    void differentResultsAreFlagged() {
        ManualClock clock = new ManualClock(0);
        AtomicInteger sequentialRuns = new AtomicInteger();
        AtomicInteger parallelRuns = new AtomicInteger();
        Supplier<Long> sequential = () -> {
            Timeline.Call call = Timeline.current().start("sequential");
            sequentialRuns.incrementAndGet();
            clock.advance(6_000);
            call.done();
            return 400_000L;
        };
        Supplier<Long> parallel = () -> {
            Timeline.Call call = Timeline.current().start("parallel");
            parallelRuns.incrementAndGet();
            clock.advance(3_000);
            call.done();
            return 399_318L;   // lost updates
        };

        SpeedupReport<Long> report = new SpeedupMeter(clock, 2).measure(sequential, parallel);

        assertThat(sequentialRuns.get()).as("runs of the sequential version").isPositive();
        assertThat(parallelRuns.get()).as("runs of the parallel version").isPositive();
        assertThat(report.resultsEqual())
                .as("The sequential version returned 400000 and the parallel one 399318: a speedup "
                        + "means nothing if the answers differ, so the report must say they differ.")
                .isFalse();
        assertThat(report.result()).as("the reported result: the parallel version's").isEqualTo(399_318L);
        assertThat(report.summary()).as("the report's one-line summary").endsWith(" (RESULTS DIFFER)");
    }

    @Test
    @Tag("points:2")
    @DisplayName("Timings stay right when the clock reads negative numbers (System.nanoTime may)")
    void negativeClockReadings() {
        ManualClock clock = new ManualClock(-3_000_000_000L);

        SpeedupReport<String> report = new SpeedupMeter(clock, 2)
                .measure(clock.taking("sequential", 1_500_000_000L, "ok"), clock.taking("parallel", 1_000_000_000L, "ok"));

        assertThat(report.sequentialTime())
                .as("System.nanoTime() has an arbitrary origin and may be negative; only differences of "
                        + "two readings mean anything. The clock read -3 s, then moved 1.5 s during the "
                        + "sequential run and 1 s during the parallel run.")
                .isEqualTo(Duration.ofMillis(1_500));
        assertThat(report.parallelTime()).isEqualTo(Duration.ofMillis(1_000));
        assertThat(report.speedup()).isCloseTo(1.5, within(1e-9));
    }

    @Test
    @Tag("points:2")
    @DisplayName("Each version runs exactly once, the sequential one first")
    void eachVersionOnceSequentialFirst() {
        ManualClock clock = new ManualClock(0);
        List<String> runs = new CopyOnWriteArrayList<>();
        Supplier<String> sequential = () -> {
            Timeline.Call call = Timeline.current().start("sequential");
            if (!runs.isEmpty()) {
                Timeline.current().broke("sequential ran after " + runs + ", not once and first");
            }
            runs.add("sequential");
            clock.advance(5_000);
            call.done();
            return "same";
        };
        Supplier<String> parallel = () -> {
            Timeline.Call call = Timeline.current().start("parallel");
            if (!runs.equals(List.of("sequential"))) {
                Timeline.current().broke("parallel ran after " + runs + ", not once after sequential");
            }
            runs.add("parallel");
            clock.advance(2_000);
            call.done();
            return "same";
        };

        SpeedupReport<String> report = new SpeedupMeter(clock, 2).measure(sequential, parallel);

        assertThat(runs)
                .as("measure(...) runs the sequential version, then the parallel one, once each: the caller "
                        + "decides about warm-up rounds and repetitions (the benchmark calls measure again and "
                        + "again). These are the runs you made, in order")
                .containsExactly("sequential", "parallel");
        assertThat(report.speedup()).isCloseTo(2.5, within(1e-9));
    }
}
