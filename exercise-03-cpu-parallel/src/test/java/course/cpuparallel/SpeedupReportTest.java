package course.cpuparallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("part:D")
@ExtendWith({NotWrittenYet.class, TimelineExtension.class})
@DisplayName("D. Speedup report: both timings from the clock you pass in, speedup = sequential / parallel")
class SpeedupReportTest {

    @Test
    @Tag("points:4")
    @DisplayName("The sequential and parallel times come from the injected clock")
    void timingsFromTheInjectedClock() {
        ManualClock clock = new ManualClock(1_000_000_000L);
        SpeedupMeter meter = new SpeedupMeter(clock, 2);

        SpeedupReport<Integer> report = meter.measure(clock.taking("sequential", 8_000_000, 5133),
                clock.taking("parallel", 2_000_000, 5133));

        assertThat(report.sequentialTime())
                .as("The sequential version moved the injected clock by 8 ms while it ran. Read the clock "
                        + "you were given (nanoClock.getAsLong()) just before and just after each version; "
                        + "System.nanoTime() or currentTimeMillis() cannot see the test's clock.")
                .isEqualTo(Duration.ofMillis(8));
        assertThat(report.parallelTime())
                .as("The parallel version moved the clock by 2 ms. Time it on its own: from the end of the "
                        + "sequential run to the end of the parallel one, not from the very start.")
                .isEqualTo(Duration.ofMillis(2));
        assertThat(report.summary()).as("the report's one-line summary")
                .isEqualTo("sequential 8.0 ms, parallel 2.0 ms, speedup 4.00x on 2 cores");
    }

    @Test
    @Tag("points:3")
    @DisplayName("The speedup is the sequential time divided by the parallel time, also when parallel is slower")
    void speedupIsSequentialOverParallel() {
        ManualClock clock = new ManualClock(0);
        SpeedupMeter meter = new SpeedupMeter(clock, 2);

        SpeedupReport<String> faster = meter.measure(clock.taking("sequential", 9_000_000, "x"),
                clock.taking("parallel", 4_000_000, "x"));
        SpeedupReport<String> slower = meter.measure(clock.taking("sequential", 3_000_000, "y"),
                clock.taking("parallel", 4_000_000, "y"));

        assertThat(faster.speedup())
                .as("9 ms sequential and 4 ms parallel give a speedup of 9 / 4 = 2.25. A 2.0 means integer "
                        + "division (divide as double); 0.44 means the division is the wrong way round.")
                .isCloseTo(2.25, within(1e-9));
        assertThat(slower.speedup())
                .as("3 ms sequential and 4 ms parallel give 3 / 4 = 0.75: the parallel version was slower. "
                        + "Report that as it is; 0.0 means integer division.")
                .isCloseTo(0.75, within(1e-9));
    }

    @Test
    @Tag("points:2")
    @DisplayName("Equal results are reported as equal, with the result and the core count")
    void equalResultsResultAndCores() {
        ManualClock clock = new ManualClock(0);
        int cores = Runtime.getRuntime().availableProcessors() + 5;   // not this machine's count
        SpeedupMeter meter = new SpeedupMeter(clock, cores);
        List<Pair<Integer, Integer>> pairs = List.of(new Pair<>(50_000, 5133), new Pair<>(60_000, 6057));

        SpeedupReport<List<Pair<Integer, Integer>>> report =
                meter.measure(clock.taking("sequential", 10, new ArrayList<>(pairs)),
                        clock.taking("parallel", 5, new ArrayList<>(pairs)));

        assertThat(report.resultsEqual())
                .as("Both versions returned equal lists, but two different list objects: compare the results "
                        + "with equals (Objects.equals), not ==").isTrue();
        assertThat(report.result()).as("the reported result").isEqualTo(pairs);
        assertThat(report.cores())
                .as("the core count the meter was given (%d), not this machine's (Runtime.availableProcessors())", cores)
                .isEqualTo(cores);
    }
}
