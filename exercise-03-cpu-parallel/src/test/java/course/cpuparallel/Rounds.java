package course.cpuparallel;

import java.time.Duration;

/** Repeats one round of a race check: a race shows in some rounds, never in all. */
final class Rounds {

    /** After this long, no new round starts (the first always runs). */
    static final Duration BUDGET = Duration.ofSeconds(2);

    private Rounds() {
    }

    /** One round: fresh state, the concurrent work, a check that fails on a lost update. */
    @FunctionalInterface
    interface Round {
        void run(int round) throws Exception;
    }

    /**
     * Runs {@code round} 1, 2, ... up to {@code maxRounds} times, but starts no new round once
     * {@link #BUDGET} has passed. A machine too busy for every round runs fewer of them: correct
     * code never fails for lack of time, and a race is still caught in nearly every run.
     */
    static void upTo(int maxRounds, Round round) throws Exception {
        long stopStartingAt = System.nanoTime() + BUDGET.toNanos();
        for (int r = 1; r <= maxRounds && (r == 1 || System.nanoTime() < stopStartingAt); r++) {
            round.run(r);
        }
    }
}
