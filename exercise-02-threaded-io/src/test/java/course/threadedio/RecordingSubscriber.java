package course.threadedio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A {@link Subscriber} the test drives (part F). It records every event it is given, in order, and
 * the threads it was called on. A gated subscriber waits in {@code onEvent} until the test opens its
 * gate; a failing one throws on chosen events.
 */
final class RecordingSubscriber implements Subscriber<Object> {

    /** The longest a gated event waits, so a forgotten fake cannot keep a thread forever. */
    private static final Duration BLOCKS_AT_MOST = Duration.ofSeconds(10);

    private final String name;
    private final Predicate<Object> gated;
    private final Predicate<Object> failing;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final List<Object> received = new ArrayList<>(); // guarded by itself
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final Map<Object, RuntimeException> thrown = new ConcurrentHashMap<>();
    private final AtomicInteger inEvent = new AtomicInteger();
    private final AtomicInteger given = new AtomicInteger();
    private static final int RECORDED_EVENTS = 100;
    private volatile Predicate<Thread> busThread = thread -> true;

    private RecordingSubscriber(String name, Predicate<Object> gated, Predicate<Object> failing) {
        this.name = name;
        this.gated = gated;
        this.failing = failing;
    }

    /** Takes every event at once. */
    static RecordingSubscriber immediate(String name) {
        return new RecordingSubscriber(name, event -> false, event -> false);
    }

    /** Waits in {@code onEvent} (from its first event on) until {@link #open()}. */
    static RecordingSubscriber gated(String name) {
        return new RecordingSubscriber(name, event -> true, event -> false);
    }

    /** Throws an IllegalStateException when given {@code event}. */
    static RecordingSubscriber failingOn(String name, Object event) {
        return new RecordingSubscriber(name, e -> false, event::equals);
    }

    @Override
    public void onEvent(Object event) throws InterruptedException {
        // The first events are lanes of the timeline (it keeps 500 calls at most anyway); later ones cost nothing.
        Timeline.Call call = given.incrementAndGet() <= RECORDED_EVENTS ? Timeline.current().start(name + " " + event) : null;
        Thread current = Thread.currentThread();
        if (!busThread.test(current)) {
            Timeline.current().broke("'" + name + "' was given event " + event + " on thread '" + current.getName()
                    + "', which the bus's thread factory did not make");
        }
        threads.add(current);
        synchronized (received) {
            received.add(event);
        }
        if (inEvent.incrementAndGet() > 1) {
            Timeline.current().broke("'" + name + "' was given event " + event + " while another of its events"
                    + " was still being handled");
        }
        try {
            if (gated.test(event) && !gate.await(BLOCKS_AT_MOST.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the test never opened the gate of " + name);
            }
            if (failing.test(event)) {
                RuntimeException failure = new IllegalStateException(name + " cannot handle " + event);
                thrown.put(event, failure);
                throw failure;
            }
            if (call != null) {
                call.done();
            }
        } catch (InterruptedException e) {
            if (call != null) {
                call.cancelled();
            }
            throw e;
        } finally {
            if (call != null) {
                call.failed(); // the first outcome counts: done or cancelled above stays so
            }
            inEvent.decrementAndGet();
        }
    }

    /** Which threads may call it: those of the bus's thread factory (a call on another marks the timeline). */
    void calledOnlyOn(Predicate<Thread> busThread) {
        this.busThread = busThread;
    }

    /** Lets every gated event through, now and from now on. */
    void open() {
        gate.countDown();
    }

    String name() {
        return name;
    }

    /** The events given to this subscriber so far, in the order it was given them. */
    List<Object> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** How many events it was given so far. */
    int count() {
        synchronized (received) {
            return received.size();
        }
    }

    /** How many calls of {@code onEvent} are under way right now. */
    int inEvent() {
        return inEvent.get();
    }

    /** The threads {@code onEvent} was called on. */
    Set<Thread> threads() {
        return Set.copyOf(threads);
    }

    /** What it threw for {@code event}, or null. */
    RuntimeException thrownOn(Object event) {
        return thrown.get(event);
    }
}
