package course.threadedio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Runs one action many times on many threads that all start at the same moment. */
final class Hammer {

    private Hammer() {
    }

    /**
     * Starts {@code threads} threads, waits until all are ready, releases them together with one
     * latch, and returns when each has run {@code action} {@code times} times. Rethrows the first
     * exception an action threw.
     *
     * <p>Threads leave a latch one after the other, each a little later than the last; the first
     * could finish before the last is awake. So after the latch each thread also waits until all of
     * them are past it, and they start together: spinning when there is a core for every thread
     * (so they all run at that instant), yielding its core otherwise.
     */
    static void hammer(int threads, int times, Runnable action) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        boolean spin = threads <= Runtime.getRuntime().availableProcessors();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Abort abort = new Abort();
        List<Thread> workers = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            int index = i;
            Thread worker = new Thread(() -> {
                ready.countDown();
                try {
                    start.await();
                    running.incrementAndGet();
                    while (running.get() < threads) {
                        if (spin) {
                            Thread.onSpinWait();
                        } else {
                            Thread.yield();
                        }
                    }
                    // Reading the volatile flag on every turn also keeps the JIT from merging the
                    // calls into one (a plain count++ could become a single "count += times",
                    // leaving other threads almost no moment to collide with).
                    Timeline.Call call = Timeline.current().start("hammer-" + index + ": " + times + " calls");
                    try {
                        for (int n = 0; n < times && !abort.requested; n++) {
                            action.run();
                        }
                    } catch (Throwable e) {
                        call.failed();
                        throw e;
                    }
                    call.done();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "hammer-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        try {
            if (!ready.await(Waits.AT_MOST.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the " + threads + " hammer threads did not all start");
            }
            start.countDown();
            long deadline = System.nanoTime() + Waits.AT_MOST.toNanos();
            for (Thread worker : workers) {
                if (!worker.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                    throw new AssertionError(threads + " threads x " + times + " calls did not finish within "
                            + Waits.AT_MOST.toSeconds() + " s; does a call block?");
                }
            }
        } finally {
            abort.requested = true; // threads still running after a failure stop here
            start.countDown();
        }
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
        if (failure.get() != null) {
            throw new AssertionError("a hammer thread failed", failure.get());
        }
    }

    /** One round of a repeated concurrency check: fresh state, the concurrent work, a check. */
    @FunctionalInterface
    interface Round {
        void run(int round) throws InterruptedException;
    }

    /** The rounds that always run, however long they take (or all of them, if fewer). */
    static final int AT_LEAST = 4;

    /** After this long, {@link #rounds} starts no new round beyond the first {@link #AT_LEAST}. */
    static final Duration BUDGET = Duration.ofSeconds(1);

    /**
     * Runs {@code round} 1, 2, ... up to {@code maxRounds} times: the first {@link #AT_LEAST}
     * always, then more until {@link #BUDGET} has passed. The chances to catch a race are counted in
     * rounds, not in time, so slower code or a busy machine never leaves a racy counter fewer than
     * {@link #AT_LEAST} of them; after those, the budget keeps a slow but correct counter far from the
     * test's timeout (README, part B). A test that calls this has room for its first rounds in its
     * {@code @Timeout}.
     */
    static void rounds(int maxRounds, Round round) throws InterruptedException {
        rounds(AT_LEAST, maxRounds, round);
    }

    /** Runs {@code round} 1, 2, ... {@code rounds} times, however long they take. */
    static void everyRound(int rounds, Round round) throws InterruptedException {
        rounds(rounds, rounds, round);
    }

    private static void rounds(int atLeast, int maxRounds, Round round) throws InterruptedException {
        long stopStartingAt = System.nanoTime() + BUDGET.toNanos();
        for (int r = 1; r <= maxRounds && (r <= atLeast || System.nanoTime() < stopStartingAt); r++) {
            round.run(r);
        }
    }

    private static final class Abort {
        volatile boolean requested;
    }
}
