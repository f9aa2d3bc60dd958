package course.threadedio;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link SlowService} whose calls all block until {@code gateAt} of them are in flight at the
 * same moment; from then on no call blocks. Only many threads waiting together get past the gate:
 * a small pool runs a few calls that wait in vain. So that such a pool still ends quickly, the
 * gate gives up {@link Waits#AT_MOST} after the fake was made and lets every call through, and
 * {@link #gaveUp()} says so. It counts calls in flight and calls made on platform threads.
 */
final class GatedSlowService implements SlowService {

    private final int gateAt;
    private final long giveUpAt = System.nanoTime() + Waits.AT_MOST.toNanos();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger onPlatformThreads = new AtomicInteger();
    private volatile boolean gaveUp;

    GatedSlowService(int gateAt) {
        this.gateAt = gateAt;
    }

    @Override
    public String call(int request) throws InterruptedException {
        started.incrementAndGet();
        if (!Thread.currentThread().isVirtual()) {
            onPlatformThreads.incrementAndGet();
        }
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            if (now >= gateAt) {
                gate.countDown();
            }
            if (!gaveUp && !gate.await(giveUpAt - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                gaveUp = true;
            }
            return answerTo(request);
        } finally {
            inFlight.decrementAndGet();
            ended.incrementAndGet();
        }
    }

    static String answerTo(int request) {
        return "answer-" + request;
    }

    int started() {
        return started.get();
    }

    int ended() {
        return ended.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    int onPlatformThreads() {
        return onPlatformThreads.get();
    }

    /** Whether the gate gave up waiting for {@code gateAt} calls in flight at once. */
    boolean gaveUp() {
        return gaveUp;
    }
}
