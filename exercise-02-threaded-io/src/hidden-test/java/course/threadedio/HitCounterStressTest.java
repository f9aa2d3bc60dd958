package course.threadedio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NotWrittenYet.class)
@ExtendWith(TimelineExtension.class)
@Tag("part:B")
@DisplayName("B. Race condition: edge cases")
class HitCounterStressTest {

    @Test
    // its first rounds always run (Hammer.rounds): room for them on a busy machine
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    @Tag("points:3.5")
    @DisplayName("8 threads released together, 250,000 increments each: not one hit is lost (up to 8 rounds)")
    void moreRounds() throws InterruptedException {
        int threads = 8;
        int times = 250_000;
        Hammer.rounds(8, round -> {
            HitCounter counter = new HitCounter();
            Hammer.hammer(threads, times, counter::increment);
            long expected = (long) threads * times;
            HitCounterTest.markIfWrong(round, expected, counter.get());
            assertThat(counter.get())
                    .as("round %d: %d threads x %,d increments on a new counter, %s; each increment must be one"
                            + " atomic step", round, threads, times, HitCounterTest.lostOrExtra(expected, counter.get()))
                    .isEqualTo(expected);
        });
    }

    @Test
    @Tag("points:2")
    @DisplayName("two counters used at the same time each keep their own count")
    void countersAreIndependent() throws InterruptedException {
        HitCounter twice = new HitCounter();
        HitCounter once = new HitCounter();

        Hammer.hammer(4, 25_000, () -> {
            twice.increment();
            twice.increment();
            once.increment();
        });

        String hint = "; more means the counters share their count (a static field?), less means lost"
                + " updates";
        assertThat(twice.get()).as("the counter incremented 200,000 times" + hint).isEqualTo(200_000);
        assertThat(once.get()).as("the counter incremented 100,000 times" + hint).isEqualTo(100_000);
    }
}
