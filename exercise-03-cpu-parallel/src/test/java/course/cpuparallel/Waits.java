package course.cpuparallel;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;
import org.opentest4j.AssertionFailedError;

/**
 * How the tests wait for what other threads do: "eventually" and "stays so". The bounds are
 * safety nets, never a measure of speed, and generous for a busy 2-core machine. A wait that runs
 * out fails with the test's own message first (what was seen, what was expected, the usual
 * mistake), then says how long it waited; the Awaitility report is kept as the cause.
 *
 * <p>Every exercise module has this same file, apart from its package line.
 */
final class Waits {

    /** The longest a test waits for something that should happen at once. */
    static final Duration AT_MOST = Duration.ofSeconds(3);

    /** How long something must hold without a break (no further download starts, ...) to "stay so". */
    static final Duration STAYS = Duration.ofMillis(300);

    /** How often a wait looks again. */
    static final Duration POLL = Duration.ofMillis(10);

    /** The assertion (AssertJ, with an {@code as(...)} that teaches) must pass within {@link #AT_MOST}. */
    static void eventually(ThrowingRunnable assertion) {
        untilAsserted(await().atMost(AT_MOST), assertion,
                "still so after waiting " + seconds(AT_MOST) + ", looking every " + millis(POLL));
    }

    /** {@code condition} must come true within {@link #AT_MOST}; {@code what} says what the test waits for. */
    static void eventually(String what, BooleanSupplier condition) {
        try {
            await().atMost(AT_MOST).pollDelay(Duration.ZERO).pollInterval(POLL).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError(what + "\n(not so after waiting " + seconds(AT_MOST) + ", looking every "
                    + millis(POLL) + ")", timeout);
        }
    }

    /**
     * The assertion must pass for {@link #STAYS} without a break, starting within {@link #AT_MOST}:
     * "no 9th download starts", "nothing more is emitted".
     */
    static void staysSo(ThrowingRunnable assertion) {
        untilAsserted(await().during(STAYS).atMost(STAYS.plus(AT_MOST)), assertion,
                "it had to hold for " + millis(STAYS) + " without a break; this is what was seen last, "
                        + seconds(STAYS.plus(AT_MOST)) + " after the wait began");
    }

    private static void untilAsserted(ConditionFactory wait, ThrowingRunnable assertion, String howLong) {
        try {
            wait.pollDelay(Duration.ZERO).pollInterval(POLL).untilAsserted(assertion);
        } catch (ConditionTimeoutException timeout) {
            String message = (timeout.getCause() instanceof AssertionError seen ? seen.getMessage() : timeout.getMessage())
                    + "\n(" + howLong + ")";
            if (timeout.getCause() instanceof AssertionFailedError seen && seen.isExpectedDefined() && seen.isActualDefined()) {
                // keeps expected and actual, so an IDE can still show the difference
                throw new AssertionFailedError(message, seen.getExpected().getEphemeralValue(),
                        seen.getActual().getEphemeralValue(), timeout);
            }
            throw new AssertionError(message, timeout);
        }
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return (millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0)) + " s";
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    private Waits() {
    }
}
