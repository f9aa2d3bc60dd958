package course.threadedio;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.awaitility.core.ConditionFactory;

/** How long the tests wait. Bounds for "eventually" and "stays so", never a measure of speed. */
final class Waits {

    /** The longest a test waits for something that should happen at once (generous: busy machines). */
    static final Duration AWAIT = Duration.ofSeconds(3);

    /** How long something must stay so (no further download starts, ...) to count as "stays so". */
    static final Duration STAYS = Duration.ofMillis(300);

    /** After this long, a hammer test starts no new round (see {@link Hammer#rounds}). */
    static final Duration HAMMER_BUDGET = Duration.ofSeconds(2);

    /** How long a fake blocks at most, so a forgotten fake cannot keep a thread forever. */
    static final Duration FAKE_BLOCKS_AT_MOST = Duration.ofSeconds(10);

    private static final Duration POLL = Duration.ofMillis(5);

    private Waits() {
    }

    /** {@code eventually().until(...)}: the condition must come true within {@link #AWAIT}. */
    static ConditionFactory eventually() {
        return await().atMost(AWAIT).pollDelay(Duration.ZERO).pollInterval(POLL);
    }

    /** {@code staysSo().untilAsserted(...)}: the assertion must hold for {@link #STAYS} without a break. */
    static ConditionFactory staysSo() {
        return await().during(STAYS).atMost(STAYS.plus(AWAIT)).pollDelay(Duration.ZERO).pollInterval(POLL);
    }
}
