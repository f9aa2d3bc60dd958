package course.threadedio;

import static course.threadedio.BusRig.assertSequence;
import static course.threadedio.BusRig.awaitReceived;
import static course.threadedio.BusRig.upTo;
import static course.threadedio.Waits.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NotWrittenYet.class)
@ExtendWith(TimelineExtension.class)
@Tag("part:F")
@DisplayName("F. Event bus: edge cases")
class EventBusEdgeCasesTest {

    /** An event of a test with several publishers: publisher p's n-th event. */
    record Tick(int publisher, int n) {
    }

    private final List<BusRig<?>> rigs = new ArrayList<>();

    @AfterEach
    void closeTheBuses() {
        rigs.forEach(BusRig::close);
    }

    private <E> BusRig<E> newRig() {
        BusRig<E> rig = new BusRig<>();
        rigs.add(rig);
        return rig;
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("4 threads publish 1,000 events each at the same moment: every subscriber gets all 4,000, each publisher's in its order")
    void severalPublishersAtOnce() throws InterruptedException {
        BusRig<Tick> rig = newRig();
        List<RecordingSubscriber> subscribers = List.of(
                RecordingSubscriber.immediate("s1"), RecordingSubscriber.immediate("s2"), RecordingSubscriber.immediate("s3"));
        subscribers.forEach(rig::subscribe);

        Publishers publishers = Publishers.start(rig.bus, 4, 1_000);
        publishers.join();

        assertThat(publishers.failures())
                .as("what publish threw with 4 threads publishing at once: publish is called from any number of"
                        + " threads, so what it reads and changes must be thread-safe")
                .isEmpty();
        for (RecordingSubscriber subscriber : subscribers) {
            awaitReceived(subscriber, 4_000, "Events lost or doubled with 4 publishers at once usually mean a"
                    + " queue or list that is not thread-safe.");
            assertPublisherOrder(subscriber, publishers.accepted());
        }
        rig.assertOwnThreads(subscribers.toArray(RecordingSubscriber[]::new));
    }

    @Test
    @Tag("points:2")
    @DisplayName("subscribers come and go while another thread publishes: each gets every event published while it was on, none after, and its thread ends")
    void subscribersComeAndGoWhileEventsFlow() throws InterruptedException {
        BusRig<Integer> rig = newRig();
        RecordingSubscriber base = RecordingSubscriber.immediate("base");
        rig.subscribe(base);
        SteadyPublisher publisher = new SteadyPublisher(rig.bus).start();
        publisher.awaitCompleted(100);

        List<Visit> visits = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            RecordingSubscriber visitor = RecordingSubscriber.immediate("visitor-" + k);
            publisher.runOn(); // busy publishing while this thread subscribes
            Subscription subscription = rig.subscribe(visitor);
            int firstOwed = publisher.completed() + 1; // from this event on, publish began after subscribe returned
            publisher.awaitCompleted(firstOwed + 30);
            int lastOwed = publisher.completed() - 1;  // up to this event, publish returned before unsubscribe began
            subscription.unsubscribe();
            int firstBarred = publisher.started();     // from this event on, publish began after unsubscribe returned
            visits.add(new Visit(visitor, firstOwed, lastOwed, firstBarred));
        }
        int published = publisher.stop();

        assertThat(publisher.failure())
                .as("what publish threw while another thread subscribed and unsubscribed. A"
                        + " ConcurrentModificationException means the list of subscribers was changed while publish"
                        + " walked it: use a CopyOnWriteArrayList, or one lock that both take")
                .isNull();
        awaitReceived(base, published, "It was subscribed all along.");
        assertSequence(base.received(), upTo(published), "the events 'base' was given, in order");
        for (Visit visit : visits) {
            visit.check();
        }
    }

    private record Visit(RecordingSubscriber visitor, int firstOwed, int lastOwed, int firstBarred) {

        void check() {
            List<Object> owed = IntStream.rangeClosed(firstOwed, lastOwed).boxed().map(Object.class::cast).toList();
            eventually(() -> assertThat(visitor.received())
                    .as("events given to '%s': it was on the bus from before event %d was published until after"
                            + " event %d, so it is owed every event in between", visitor.name(), firstOwed, lastOwed)
                    .containsAll(owed));
            Thread thread = visitor.threads().iterator().next();
            eventually(() -> assertThat(thread.isAlive())
                    .as("whether the thread of '%s' (%s) is still alive after unsubscribe(): once it has the events"
                            + " published before, the subscriber's thread must end (state now: %s)", visitor.name(),
                            thread.getName(), thread.getState())
                    .isFalse());
            List<Object> received = visitor.received();
            assertThat(received)
                    .as("events given to '%s', which left the bus before event %d was published: none of them may"
                            + " come from then on", visitor.name(), firstBarred)
                    .allMatch(event -> (Integer) event < firstBarred);
            assertThat(received).as("events given to '%s', in the order they were published", visitor.name())
                    .isSortedAccordingTo((x, y) -> Integer.compare((Integer) x, (Integer) y))
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    // its first rounds always run (Hammer.rounds): room for them on a busy machine
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    @Tag("points:1.5")
    @DisplayName("shutdown while 4 threads publish: every event publish accepted is delivered, every later one is refused (up to 10 rounds)")
    void shutdownRacingWithPublishers() throws InterruptedException {
        Hammer.rounds(10, round -> {
            BusRig<Tick> rig = new BusRig<>();
            try {
                List<RecordingSubscriber> subscribers = List.of(RecordingSubscriber.immediate("s1"),
                        RecordingSubscriber.immediate("s2"), RecordingSubscriber.immediate("s3"));
                subscribers.forEach(rig::subscribe);
                Publishers publishers = Publishers.start(rig.bus, 4, Integer.MAX_VALUE);
                publishers.awaitAccepted(200);

                rig.bus.shutdown();

                publishers.join();
                assertThat(publishers.refusedByShutdown())
                        .as("round %d: publishers whose publish was refused (IllegalStateException) after shutdown();"
                                + " all 4 were still publishing. What stopped them: %s", round, publishers.failures())
                        .isEqualTo(4);
                assertThat(rig.bus.terminated().await(Waits.AT_MOST))
                        .as("round %d: terminated().await(3 s) after shutdown()", round).isTrue();
                for (RecordingSubscriber subscriber : subscribers) {
                    assertPublisherOrder(subscriber, publishers.accepted());
                }
            } finally {
                rig.close();
            }
        });
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("a subscriber stuck in onEvent: unsubscribe and shutdown still return at once, and terminated() waits for it")
    void aStuckSubscriberDelaysNeitherUnsubscribeNorShutdown() throws InterruptedException {
        BusRig<Integer> rig = newRig();
        RecordingSubscriber stuck = RecordingSubscriber.gated("stuck");
        RecordingSubscriber leaving = RecordingSubscriber.gated("leaving");
        RecordingSubscriber steady = RecordingSubscriber.immediate("steady");
        rig.subscribe(stuck);
        Subscription leavingSubscription = rig.subscribe(leaving);
        rig.subscribe(steady);
        for (int event = 0; event < 5; event++) {
            rig.bus.publish(event);
        }
        eventually("'stuck' and 'leaving' are both in onEvent with their first event",
                () -> stuck.inEvent() == 1 && leaving.inEvent() == 1);

        Background.start("unsubscribe()", () -> {
            leavingSubscription.unsubscribe();
            return null;
        }).result("Subscriber 'leaving' was stuck in onEvent. unsubscribe() takes it off the bus and returns; its"
                + " thread ends by itself once it has the events published before.");
        for (int event = 5; event < 10; event++) {
            rig.bus.publish(event);
        }
        Background.start("shutdown()", () -> {
            rig.bus.shutdown();
            return null;
        }).result("Subscriber 'stuck' was stuck in onEvent. shutdown() must not wait for it; terminated() says when"
                + " every subscriber has ended.");
        awaitReceived(steady, 10, "'stuck' and 'leaving' were blocked; nobody else should be.");
        assertThat(rig.bus.terminated().await(Duration.ofMillis(200)))
                .as("terminated().await(200 ms) while 'stuck' was still in onEvent: the signal may be set only once"
                        + " every subscriber thread has ended")
                .isFalse();

        stuck.open();
        leaving.open();

        assertThat(rig.bus.terminated().await(Waits.AT_MOST))
                .as("terminated().await(3 s) once 'stuck' could finish (it got %d of 10 events)", stuck.count())
                .isTrue();
        assertThat(stuck.received()).as("the events 'stuck' was given").containsExactlyElementsOf(upTo(10));
        assertThat(leaving.received())
                .as("the events 'leaving' was given: the 5 published before unsubscribe(), none after")
                .containsExactlyElementsOf(upTo(5));
        assertThat(rig.threads.stillAliveAfter(Duration.ofSeconds(1)))
                .as("subscriber threads still alive after terminated() was set").isEmpty();
    }

    @Test
    @Tag("points:0.5")
    @DisplayName("a bus without subscribers is terminated as soon as it is shut down; then it refuses events and subscribers, and a second shutdown is harmless")
    void shutdownWithoutSubscribers() throws InterruptedException {
        BusRig<Integer> rig = newRig();

        rig.bus.shutdown();

        assertThat(rig.bus.terminated().await(Waits.AT_MOST))
                .as("terminated().await(3 s) after shutdown() of a bus that never had a subscriber").isTrue();
        rig.bus.shutdown();
        assertThat(catchThrowable(() -> rig.bus.publish(1)))
                .as("what publish threw after shutdown()").isInstanceOf(IllegalStateException.class);
        assertThat(catchThrowable(() -> rig.bus.subscribe("late", RecordingSubscriber.immediate("late"))))
                .as("what subscribe threw after shutdown()").isInstanceOf(IllegalStateException.class);
        assertThat(rig.threads.stillAliveAfter(Duration.ZERO))
                .as("subscriber threads running after subscribe was refused").isEmpty();
    }

    /** Each publisher's events reached {@code subscriber} complete and in the order it published them. */
    private static void assertPublisherOrder(RecordingSubscriber subscriber, int[] accepted) {
        List<Object> received = subscriber.received();
        for (int p = 0; p < accepted.length; p++) {
            int publisher = p;
            List<Integer> fromP = received.stream().map(Tick.class::cast).filter(t -> t.publisher() == publisher)
                    .map(Tick::n).toList();
            assertSequence(fromP, IntStream.range(0, accepted[publisher]).boxed().toList(),
                    "the events of publisher %d that subscriber '%s' was given: publish returned normally for %d,"
                            + " so exactly those, in the order they were published. An event that publish accepted"
                            + " must be delivered even when shutdown() comes right after: decide 'shut down?' and"
                            + " queue the event under the lock shutdown takes",
                    publisher, subscriber.name(), accepted[publisher]);
        }
    }

    /** Threads that publish Tick(p, 0), Tick(p, 1), ... from the same moment on, until done or refused. */
    private static final class Publishers {
        private final AtomicIntegerArray accepted;
        private final AtomicReferenceArray<Throwable> stoppedBy;
        private final List<Thread> threads = new ArrayList<>();

        private Publishers(int count) {
            accepted = new AtomicIntegerArray(count);
            stoppedBy = new AtomicReferenceArray<>(count);
        }

        static Publishers start(EventBus<Tick> bus, int count, int each) {
            Publishers publishers = new Publishers(count);
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch go = new CountDownLatch(1);
            for (int p = 0; p < count; p++) {
                int publisher = p;
                Thread thread = new Thread(() -> {
                    ready.countDown();
                    try {
                        go.await(Waits.AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
                        for (int n = 0; n < each; n++) {
                            bus.publish(new Tick(publisher, n));
                            publishers.accepted.set(publisher, n + 1);
                        }
                    } catch (Throwable e) {
                        publishers.stoppedBy.set(publisher, e);
                    }
                }, "test-publisher-" + p);
                thread.setDaemon(true);
                publishers.threads.add(thread);
                thread.start();
            }
            try {
                ready.await(Waits.AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            go.countDown();
            return publishers;
        }

        /** Waits until the publishers have had {@code total} events accepted between them. */
        void awaitAccepted(int total) {
            long deadline = System.nanoTime() + Waits.AT_MOST.toNanos();
            while (sum() < total) {
                for (int p = 0; p < stoppedBy.length(); p++) {
                    if (stoppedBy.get(p) != null) {
                        throw new AssertionError("publisher " + p + " stopped early: publish threw " + stoppedBy.get(p),
                                stoppedBy.get(p));
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("4 publishers had " + sum() + " events accepted in "
                            + Waits.AT_MOST.toSeconds() + " s; does publish block?");
                }
                Thread.yield();
            }
        }

        void join() throws InterruptedException {
            long deadline = System.nanoTime() + Waits.AT_MOST.toNanos();
            for (Thread thread : threads) {
                if (!thread.join(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                    throw new AssertionError("a publishing thread was still in publish after " + Waits.AT_MOST.toSeconds()
                            + " s (" + thread.getState() + "); publish must never wait for a subscriber");
                }
            }
        }

        int[] accepted() {
            int[] copy = new int[accepted.length()];
            for (int p = 0; p < copy.length; p++) {
                copy[p] = accepted.get(p);
            }
            return copy;
        }

        /** What stopped each publisher other than running out of events. */
        List<Throwable> failures() {
            return IntStream.range(0, stoppedBy.length()).mapToObj(stoppedBy::get).filter(e -> e != null).toList();
        }

        /** Publishers stopped by an IllegalStateException, as publish throws after shutdown. */
        long refusedByShutdown() {
            return failures().stream().filter(IllegalStateException.class::isInstance).count();
        }

        private int sum() {
            int sum = 0;
            for (int p = 0; p < accepted.length(); p++) {
                sum += accepted.get(p);
            }
            return sum;
        }
    }
}
