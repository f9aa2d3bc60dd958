package course.threadedio;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The items 0, 1, ..., size - 1, counting how many the producer has taken so far. A source made
 * with {@link #pausingBefore} answers late, like a slow network: asked for that item, it waits
 * until the test calls {@link #resume()}.
 */
final class CountingSource implements Iterator<Integer> {

    /** The longest a paused source waits, so a forgotten fake cannot keep a thread forever. */
    private static final Duration PAUSES_AT_MOST = Duration.ofSeconds(10);

    private final int size;
    private final int pauseBefore;
    private final CountDownLatch resume = new CountDownLatch(1);
    private final AtomicInteger next = new AtomicInteger();
    private volatile long exhaustedAtNanos;

    CountingSource(int size) {
        this(size, -1);
    }

    private CountingSource(int size, int pauseBefore) {
        this.size = size;
        this.pauseBefore = pauseBefore;
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
