package course.cpuparallel;

import java.time.Duration;

/** Repeats one round of a race check: a race shows in some rounds, never in all. */
final class Rounds {

    /** The rounds that always run, however long they take (or all of them, if fewer). */
    static final int AT_LEAST = 10;

    /** After this long, no new round starts beyond the first {@link #AT_LEAST}. */
    static final Duration BUDGET = Duration.ofSeconds(2);

    private Rounds() {
    }

    /** One round: fresh state, the concurrent work, a check that fails on a lost update. */
    @FunctionalInterface
    interface Round {
        void run(int round) throws Exception;
    }

    /**
     * Runs {@code round} 1, 2, ... up to {@code maxRounds} times: the first {@link #AT_LEAST}
     * always, then more until {@link #BUDGET} has passed. The chances to catch a race are counted in
     * rounds, not in time, so slower code or a busy machine never leaves a race fewer than
     * {@link #AT_LEAST} of them; after those, the budget keeps slow but correct code far from the
     * test's timeout. A test that calls this has room for its first rounds in its {@code @Timeout}.
     * Correct code passes every round.
     */
    static void upTo(int maxRounds, Round round) throws Exception {
        long stopStartingAt = System.nanoTime() + BUDGET.toNanos();
        for (int r = 1; r <= maxRounds && (r <= AT_LEAST || System.nanoTime() < stopStartingAt); r++) {
            round.run(r);
        }
    }
}
