package course.threadedio;

import java.util.concurrent.atomic.LongAdder;

/** Part B: counts hits coming from many threads at once. */
public final class HitCounter {

    // count++ is three steps (read, add one, write back), so two threads that read the same value
    // both write that value plus one and a hit is lost; LongAdder makes each increment one atomic
    // step (and spreads contended increments over several cells so threads do not queue up).
    private final LongAdder hits = new LongAdder();

    /** Adds one hit. Safe to call from any number of threads at once. */
    public void increment() {
        hits.increment();
    }

    /** The number of hits counted so far. */
    public long get() {
        return hits.sum();
    }
}
