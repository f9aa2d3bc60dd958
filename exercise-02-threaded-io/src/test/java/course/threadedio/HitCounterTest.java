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
@DisplayName("B. Race condition")
class HitCounterTest {

    @Test
    @Tag("points:1.5")
    @DisplayName("on one thread, 1,000 increments count 1,000")
    void countsOnOneThread() {
        HitCounter counter = new HitCounter();
        for (int i = 0; i < 1_000; i++) {
            counter.increment();
        }
        assertThat(counter.get()).as("hits counted after 1,000 increments").isEqualTo(1_000);
    }

    @Test
    // its first rounds always run (Hammer.rounds): room for them on a busy machine
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    @Tag("points:5")
    @DisplayName("4 threads released together, 500,000 increments each: not one hit is lost (up to 5 rounds)")
    void noHitIsLostUnderContention() throws InterruptedException {
        int threads = 4;
        int times = 500_000;
        Hammer.rounds(5, round -> {
            HitCounter counter = new HitCounter();
            Hammer.hammer(threads, times, counter::increment);
            long expected = (long) threads * times;
            markIfWrong(round, expected, counter.get());
            assertThat(counter.get())
                    .as("round %d: %d threads x %,d increments on a new counter, %s. count++ on a shared field"
                            + " is three steps (read, add, write back); two threads that read the same value"
                            + " write the same result and a hit is lost. Use a lock, an AtomicLong or a"
                            + " LongAdder", round, threads, times, lostOrExtra(expected, counter.get()))
                    .isEqualTo(expected);
        });
    }

    /** Marks in the timeline the moment a round's count came out wrong (the hammer threads' lanes show the overlap). */
    static void markIfWrong(int round, long expected, long counted) {
        if (counted != expected) {
            Timeline.current().broke("round %d: counted %,d of %,d hits".formatted(round, counted, expected));
        }
    }

    /** "1,234 hits lost", or what too many hits usually mean. */
    static String lostOrExtra(long expected, long counted) {
        return counted <= expected ? "%,d hits lost".formatted(expected - counted)
                : "%,d hits more than there were: a new counter must start at 0; do all counters share one count (a static field)?"
                        .formatted(counted - expected);
    }
}
