package course.threadedio;

import static course.threadedio.Waits.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

/**
 * What part F's tests share: a bus on a recording thread factory, the failures it reports, its
 * subscribers (opened and shut down after each test), and the checks every test makes.
 */
final class BusRig<E> {

    final RecordingThreadFactory threads = new RecordingThreadFactory("ex02-bus");
    final List<DeliveryFailure> failures = new CopyOnWriteArrayList<>();
    final EventBus<E> bus = new EventBus<>(threads, failures::add);
    private final List<RecordingSubscriber> subscribers = new ArrayList<>();

    /** Subscribes {@code subscriber} under its own name. */
    Subscription subscribe(RecordingSubscriber subscriber) {
        subscribers.add(subscriber);
        subscriber.calledOnlyOn(threads::made);
        return bus.subscribe(subscriber.name(), subscriber);
    }

    /** Opens every gated subscriber and shuts the bus down; a stub's TODO is no reason to fail here. */
    void close() {
        subscribers.forEach(RecordingSubscriber::open);
        try {
            bus.shutdown();
        } catch (RuntimeException e) {
            // the test has already said what went wrong
        }
    }

    /** The integers from 0 to n - 1: what the tests publish. */
    static List<Object> upTo(int n) {
        return IntStream.range(0, n).boxed().map(Object.class::cast).toList();
    }

    /** Waits until {@code subscriber} has been given {@code n} events; {@code hint} says what usually went wrong. */
    static void awaitReceived(RecordingSubscriber subscriber, int n, String hint) {
        eventually(() -> assertThat(subscriber.count())
                .as("events subscriber '%s' was given (of %d published; first ones: %s). %s", subscriber.name(), n,
                        first(subscriber.received()), hint)
                .isEqualTo(n));
    }

    /** Each subscriber got its events on one thread of its own, made by the bus's thread factory. */
    void assertOwnThreads(RecordingSubscriber... checked) {
        List<Thread> seen = new ArrayList<>();
        for (RecordingSubscriber subscriber : checked) {
            assertThat(subscriber.threads())
                    .as("the threads subscriber '%s' was called on. Each subscriber has one thread of its own,"
                            + " which takes its events one at a time, in order", subscriber.name())
                    .hasSize(1);
            Thread thread = subscriber.threads().iterator().next();
            assertThat(threads.made(thread))
                    .as("subscriber '%s' was called on thread '%s', which the bus's thread factory did not make."
                            + " Calling subscribers on the publisher's thread makes every publisher wait for"
                            + " them; give each subscriber a thread from the factory", subscriber.name(), thread.getName())
                    .isTrue();
            assertThat(seen)
                    .as("subscriber '%s' shares thread '%s' with another subscriber: a slow one then holds up the"
                            + " other", subscriber.name(), thread.getName())
                    .doesNotContain(thread);
            seen.add(thread);
        }
    }

    /**
     * {@code actual} must be {@code expected}, element by element; a failure names the first place they
     * differ. (Unlike AssertJ's containsExactly, it stays fast for lists of many thousand events.)
     */
    static void assertSequence(List<?> actual, List<?> expected, String what, Object... args) {
        int same = 0;
        while (same < actual.size() && same < expected.size() && actual.get(same).equals(expected.get(same))) {
            same++;
        }
        if (same == actual.size() && same == expected.size()) {
            return;
        }
        throw new AssertionError(String.format(what, args) + "\nExpected " + expected.size() + " events, saw "
                + actual.size() + ". They differ first at position " + same + ": expected "
                + (same < expected.size() ? expected.get(same) : "no more events") + ", saw "
                + (same < actual.size() ? actual.get(same) : "no more events") + " (what was seen around there: "
                + actual.subList(Math.max(0, same - 3), Math.min(actual.size(), same + 4)) + ")");
    }

    private static List<Object> first(List<Object> events) {
        return events.subList(0, Math.min(events.size(), 12));
    }
}
