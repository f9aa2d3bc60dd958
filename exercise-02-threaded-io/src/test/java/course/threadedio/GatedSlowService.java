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

    private static final int RECORDED_CALLS = 200;

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
        // Only the first calls are lanes of the timeline: recording all 10,000 would make them queue for its lock.
        Timeline.Call call = started.incrementAndGet() <= RECORDED_CALLS ? Timeline.current().start("call " + request) : null;
        if (!Thread.currentThread().isVirtual() && onPlatformThreads.incrementAndGet() == 1) {
            Timeline.current().broke("call " + request + " ran on platform thread '" + Thread.currentThread().getName()
                    + "', not on a virtual thread");
        }
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            if (now >= gateAt) {
                gate.countDown();
            }
            if (!gaveUp && !gate.await(giveUpAt - System.nanoTime(), TimeUnit.NANOSECONDS) && !gaveUp) {
                gaveUp = true;
                Timeline.current().broke("the calls waited " + Waits.AT_MOST.toSeconds() + " s and never had " + gateAt
                        + " in flight together (at most " + maxInFlight.get() + ")");
            }
            if (call != null) {
                call.done();
            }
            return answerTo(request);
        } catch (InterruptedException e) {
            if (call != null) {
                call.cancelled();
            }
            throw e;
        } finally {
            if (call != null) {
                call.failed(); // the first outcome counts
            }
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
