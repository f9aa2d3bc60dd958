package course.threadedio;

import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Part F: publishers on any threads, each subscriber on a thread of its own.
 *
 * <ul>
 *   <li>{@link #publish} hands the event to every current subscriber and returns at once: it never
 *       waits for a subscriber, however slow.</li>
 *   <li>Each subscriber receives its events on one thread made by {@code threadFactory}, never the
 *       publisher's, one at a time, in the order each publisher published them.</li>
 *   <li>A subscriber that throws does not stop: its exception is reported to {@code failures} as a
 *       {@link DeliveryFailure}, and it receives the next events. The other subscribers never notice.</li>
 *   <li>Subscribers may come and go while events flow (see {@link Subscription#unsubscribe}).</li>
 *   <li>{@link #shutdown} refuses new events and subscribers, lets every subscriber finish the events
 *       published before it, then ends their threads; {@link #terminated} is set once all have ended.</li>
 * </ul>
 */
public final class EventBus<E> {

    /**
     * @param threadFactory makes the thread of each subscriber
     * @param failures      told about every exception a subscriber throws; called on that subscriber's thread
     */
    public EventBus(ThreadFactory threadFactory, Consumer<? super DeliveryFailure> failures) {
        // TODO (README, part F): keep the factory and the failure consumer, and set up the list of
        //  subscribers so that publishers on other threads can walk it while it changes.
    }

    /**
     * Starts a thread of its own for {@code subscriber} and returns the way to take it off again. It
     * receives every event published after this method returned.
     *
     * @throws IllegalStateException after {@link #shutdown}
     */
    public Subscription subscribe(String name, Subscriber<? super E> subscriber) {
        // TODO (README, part F): give the subscriber a queue and a thread that takes events from it,
        //  calls onEvent, reports what it throws, and stops at a stop message.
        throw new UnsupportedOperationException(
                "TODO: give the subscriber a queue and a thread of its own (README, part F)");
    }

    /**
     * Queues {@code event} (not null) for every current subscriber and returns without waiting for any.
     *
     * @throws IllegalStateException after {@link #shutdown}: the event was not queued for anybody
     */
    public void publish(E event) {
        // TODO (README, part F): refuse after shutdown, else put the event on every subscriber's queue;
        //  the check and the queuing must not be split by a shutdown.
        throw new UnsupportedOperationException(
                "TODO: queue the event for every subscriber without waiting (README, part F)");
    }

    /**
     * Refuses further events and subscribers, and tells every subscriber thread to stop after the
     * events already queued for it. Returns at once; {@link #terminated} says when they have all
     * ended. Calling it again does nothing.
     */
    public void shutdown() {
        // TODO (README, part F): stop accepting, put a stop message behind every subscriber's queued
        //  events, and set terminated() when the last subscriber thread has ended.
        throw new UnsupportedOperationException(
                "TODO: stop the subscribers once they have drained their queues (README, part F)");
    }

    /** Set once {@link #shutdown} was called and every subscriber thread has ended. */
    public OneShotSignal terminated() {
        throw new UnsupportedOperationException("TODO: return the signal set when every subscriber has stopped (README, part F)");
    }
}
