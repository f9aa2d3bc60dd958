package course.threadedio;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
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

    private final ThreadFactory threadFactory;
    private final Consumer<? super DeliveryFailure> failures;
    private final OneShotSignal terminated = new OneShotSignal();

    // Publishers share the read lock, so they queue their events side by side; subscribe,
    // unsubscribe and shutdown take the write lock. So the list below is never changed while a
    // publisher walks it, and an event is either queued for every subscriber or refused, never
    // queued behind a subscriber's stop message.
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<Mailbox> mailboxes = new ArrayList<>(); // guarded by lock
    private boolean shutDown;                                  // guarded by lock
    private int running;                                       // subscriber threads not ended yet; guarded by lock

    /**
     * @param threadFactory makes the thread of each subscriber
     * @param failures      told about every exception a subscriber throws; called on that subscriber's thread
     */
    public EventBus(ThreadFactory threadFactory, Consumer<? super DeliveryFailure> failures) {
        this.threadFactory = Objects.requireNonNull(threadFactory);
        this.failures = Objects.requireNonNull(failures);
    }

    /**
     * Starts a thread of its own for {@code subscriber} and returns the way to take it off again. It
     * receives every event published after this method returned.
     *
     * @throws IllegalStateException after {@link #shutdown}
     */
    public Subscription subscribe(String name, Subscriber<? super E> subscriber) {
        Mailbox mailbox = new Mailbox(name, subscriber);
        lock.writeLock().lock();
        try {
            if (shutDown) {
                throw new IllegalStateException("the bus is shut down: cannot subscribe " + name);
            }
            Thread thread = threadFactory.newThread(mailbox::deliverUntilStopped);
            mailboxes.add(mailbox);
            running++;
            thread.start();
        } finally {
            lock.writeLock().unlock();
        }
        return () -> unsubscribe(mailbox);
    }

    /**
     * Queues {@code event} (not null) for every current subscriber and returns without waiting for any.
     *
     * @throws IllegalStateException after {@link #shutdown}: the event was not queued for anybody
     */
    public void publish(E event) {
        Optional<E> message = Optional.of(event);
        lock.readLock().lock();
        try {
            if (shutDown) {
                throw new IllegalStateException("the bus is shut down: " + event + " was not published");
            }
            for (Mailbox mailbox : mailboxes) {
                mailbox.queue.add(message); // unbounded: never waits for a slow subscriber
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Refuses further events and subscribers, and tells every subscriber thread to stop after the
     * events already queued for it. Returns at once; {@link #terminated} says when they have all
     * ended. Calling it again does nothing.
     */
    public void shutdown() {
        lock.writeLock().lock();
        try {
            if (shutDown) {
                return;
            }
            shutDown = true;
            for (Mailbox mailbox : mailboxes) {
                mailbox.queue.add(Optional.empty()); // behind every event queued so far
            }
            mailboxes.clear();
            if (running == 0) {
                terminated.set();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Set once {@link #shutdown} was called and every subscriber thread has ended. */
    public OneShotSignal terminated() {
        return terminated;
    }

    private void unsubscribe(Mailbox mailbox) {
        lock.writeLock().lock();
        try {
            if (mailboxes.remove(mailbox)) {
                mailbox.queue.add(Optional.empty());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void threadEnded() {
        lock.writeLock().lock();
        try {
            running--;
            if (shutDown && running == 0) {
                terminated.set();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** One subscriber: its queue, and what its thread does. */
    private final class Mailbox {
        final String name;
        final Subscriber<? super E> subscriber;
        // An empty Optional is the stop message: it cannot be mistaken for an event.
        final BlockingQueue<Optional<E>> queue = new LinkedBlockingQueue<>();

        Mailbox(String name, Subscriber<? super E> subscriber) {
            this.name = name;
            this.subscriber = subscriber;
        }

        void deliverUntilStopped() {
            try {
                for (Optional<E> message = queue.take(); message.isPresent(); message = queue.take()) {
                    deliver(message.get());
                }
            } catch (InterruptedException e) {
                // Nothing in the bus interrupts these threads; if someone else does, this one stops.
            } finally {
                threadEnded();
            }
        }

        private void deliver(E event) {
            try {
                subscriber.onEvent(event);
            } catch (Exception e) {
                failures.accept(new DeliveryFailure(name, event, e)); // reported, and the loop goes on
            }
        }
    }
}
