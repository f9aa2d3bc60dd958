package course.threadedio;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The items 0, 1, ..., size - 1, counting how many the producer has taken so far. A source made
 * with {@link #pausingBefore} answers late, like a slow network: asked for that item, it waits
 * until the test calls {@link #resume()}.
 *
 * <p>For the timeline, each item is a lane from the moment the producer takes it until a
 * {@link RecordingHandler} has handled it: the lanes in flight are the items taken and not yet
 * handled (in a handler, in the queue, or held by the producer).
 */
final class CountingSource implements Iterator<Integer> {

    /** The longest a paused source waits, so a forgotten fake cannot keep a thread forever. */
    private static final Duration PAUSES_AT_MOST = Duration.ofSeconds(10);

    private final int size;
    private final int pauseBefore;
    private final CountDownLatch resume = new CountDownLatch(1);
    private final AtomicInteger next = new AtomicInteger();
    private volatile long exhaustedAtNanos;
    private final Map<Integer, Timeline.Call> unhandled = new ConcurrentHashMap<>();
    private volatile int allowedUnhandled = Integer.MAX_VALUE;
    private volatile Thread producer;

    /** The source the test made last: the handler ends its items' lanes (tests run one at a time). */
    private static volatile CountingSource latest;

    CountingSource(int size) {
        this(size, -1);
    }

    private CountingSource(int size, int pauseBefore) {
        this.size = size;
        this.pauseBefore = pauseBefore;
        latest = this;
    }

    /**
     * The most items that may be taken and not yet handled (consumers + queue capacity + the one the
     * producer holds): drawn in the timeline, and an item taken beyond it marks the moment the rule broke.
     */
    CountingSource allowingUnhandled(int atMost) {
        allowedUnhandled = atMost;
        Timeline.current().bound("items taken, not yet handled", atMost);
        return this;
    }

    /** A handler has finished with {@code item} ("done", "failed" or "cancelled"): its lane ends. */
    static void handled(int item, String outcome) {
        CountingSource source = latest;
        Timeline.Call call = source == null ? null : source.unhandled.remove(item);
        if (call != null) {
            switch (outcome) {
                case "failed" -> call.failed();
                case "cancelled" -> call.cancelled();
                default -> call.done();
            }
        }
    }

    /** Whether {@code thread} is the one that took items from the source (the producer). */
    static boolean isProducer(Thread thread) {
        CountingSource source = latest;
        return source != null && source.producer == thread;
    }

    /** The items 0 to size - 1; item {@code item} comes only once the test calls {@link #resume()}. */
    static CountingSource pausingBefore(int item, int size) {
        return new CountingSource(size, item);
    }

    @Override
    public boolean hasNext() {
        boolean more = next.get() < size;
        if (!more && exhaustedAtNanos == 0) {
            exhaustedAtNanos = System.nanoTime();
        }
        return more;
    }

    @Override
    public Integer next() {
        if (next.get() == pauseBefore) {
            try {
                resume.await(PAUSES_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int item = next.getAndIncrement();
        if (item >= size) {
            throw new NoSuchElementException();
        }
        producer = Thread.currentThread();
        unhandled.put(item, Timeline.current().start("item " + item));
        int open = unhandled.size();
        if (open > allowedUnhandled) {
            Timeline.current().broke("item " + item + " taken from the source while " + (open - 1)
                    + " taken items were not yet handled; at most " + allowedUnhandled
                    + " fit (consumers + queue + the one the producer holds)");
        }
        return item;
    }

    /** Lets a paused source go on. */
    void resume() {
        resume.countDown();
    }

    /** How many items the producer has taken. */
    int taken() {
        return Math.min(next.get(), size);
    }

    /** Whether the producer has asked for more after the last item (and heard "no more"). */
    boolean exhausted() {
        return exhaustedAtNanos != 0;
    }

    /** When the producer first heard "no more" ({@link System#nanoTime()}), or 0. */
    long exhaustedAtNanos() {
        return exhaustedAtNanos;
    }
}
