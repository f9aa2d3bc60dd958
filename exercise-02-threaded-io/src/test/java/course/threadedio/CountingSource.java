package course.threadedio;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;

/** The items 0, 1, ..., size - 1, counting how many the producer has taken so far. */
final class CountingSource implements Iterator<Integer> {

    private final int size;
    private final AtomicInteger next = new AtomicInteger();

    CountingSource(int size) {
        this.size = size;
    }

    @Override
    public boolean hasNext() {
        return next.get() < size;
    }

    @Override
    public Integer next() {
        int item = next.getAndIncrement();
        if (item >= size) {
            throw new NoSuchElementException();
        }
        return item;
    }

    /** How many items the producer has taken. */
    int taken() {
        return Math.min(next.get(), size);
    }
}
