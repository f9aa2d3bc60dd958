package course.threadedio;

import static course.threadedio.BusRig.awaitReceived;
import static course.threadedio.BusRig.upTo;
import static course.threadedio.Waits.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NotWrittenYet.class)
@ExtendWith(TimelineExtension.class)
@Tag("part:F")
@DisplayName("F. Event bus")
class EventBusTest {

    private final BusRig<Integer> rig = new BusRig<>();

    @AfterEach
    void closeTheBus() {
        rig.close();
    }

    @Test
    @Tag("points:2")
    @DisplayName("3 subscribers each get all 50 events, in the order they were published, on a thread of their own")
    void everySubscriberGetsEveryEventInOrder() {
        RecordingSubscriber a = RecordingSubscriber.immediate("a");
        RecordingSubscriber b = RecordingSubscriber.immediate("b");
        RecordingSubscriber c = RecordingSubscriber.immediate("c");
        rig.subscribe(a);
        rig.subscribe(b);
        rig.subscribe(c);

        for (int event = 0; event < 50; event++) {
            rig.bus.publish(event);
        }

        for (RecordingSubscriber subscriber : new RecordingSubscriber[] {a, b, c}) {
            awaitReceived(subscriber, 50, "Every event goes to every subscriber.");
            assertThat(subscriber.received())
                    .as("the events subscriber '%s' was given, in the order it was given them: the order they"
                            + " were published (one queue per subscriber, first in first out)", subscriber.name())
                    .containsExactlyElementsOf(upTo(50));
        }
        rig.assertOwnThreads(a, b, c);
        assertThat(rig.failures).as("failures reported, though no subscriber threw").isEmpty();
    }

    @Test
    @Tag("points:2.5")
    @DisplayName("a subscriber blocked in onEvent holds up neither the publisher nor the other subscribers")
    void aBlockedSubscriberDelaysNobody() {
        RecordingSubscriber slow = RecordingSubscriber.gated("slow");
        RecordingSubscriber fast = RecordingSubscriber.immediate("fast");
        rig.subscribe(slow);
        rig.subscribe(fast);

        Background<Void> publishing = Background.start("publishing 100 events", () -> {
            for (int event = 0; event < 100; event++) {
                rig.bus.publish(event);
            }
            return null;
        });
        publishing.result("Subscriber 'slow' was blocked in onEvent (the test holds it), and publish waited for it."
                + " publish only queues the event for each subscriber and returns: no call of onEvent on the"
                + " publisher's thread, no queue that fills up.");
        awaitReceived(fast, 100, "Subscriber 'slow' was still blocked on its first event; one thread that serves"
                + " every subscriber in turn makes all of them wait for the slowest.");
        assertThat(slow.received())
                .as("events given to 'slow' while it was blocked in its first one (if it had started)").hasSizeLessThan(2);

        slow.open();

        awaitReceived(slow, 100, "Its gate was open, so it should catch up.");
        assertThat(slow.received()).as("the events 'slow' was given, in order").containsExactlyElementsOf(upTo(100));
        assertThat(fast.received()).as("the events 'fast' was given, in order").containsExactlyElementsOf(upTo(100));
        rig.assertOwnThreads(slow, fast);
    }

    @Test
    @Tag("points:2")
    @DisplayName("a subscriber that throws: its exception is reported with the event, and it still gets the events after it")
    void aFailingSubscriberIsReportedAndGoesOn() {
        RecordingSubscriber flaky = RecordingSubscriber.failingOn("flaky", 3);
        RecordingSubscriber steady = RecordingSubscriber.immediate("steady");
        rig.subscribe(flaky);
        rig.subscribe(steady);

        for (int event = 0; event < 10; event++) {
            rig.bus.publish(event);
        }

        awaitReceived(steady, 10, "Another subscriber's exception must not touch this one.");
        awaitReceived(flaky, 10, "It threw on event 3; if nothing came after that, the exception ended its thread."
                + " Catch what onEvent throws inside the subscriber's loop, report it, and go on with the next event.");
        assertThat(flaky.received()).as("the events 'flaky' was given, in order").containsExactlyElementsOf(upTo(10));
        eventually(() -> assertThat(rig.failures)
                .as("failures reported to the bus's failure consumer: 'flaky' threw on event 3. An exception that"
                        + " is only printed, or ends the thread, is lost")
                .hasSize(1));
        DeliveryFailure failure = rig.failures.getFirst();
        assertThat(failure.subscriber()).as("the subscriber the failure names").isEqualTo("flaky");
        assertThat(failure.event()).as("the event the failure names").isEqualTo(3);
        assertThat(failure.error()).as("the failure's error: the very exception onEvent threw")
                .isSameAs(flaky.thrownOn(3));
        rig.assertOwnThreads(flaky, steady);
    }

    @Test
    @Tag("points:2")
    @DisplayName("shutdown returns at once, refuses new events, still delivers every event published before it, then ends every subscriber thread")
    void shutdownDeliversWhatWasPublishedThenStops() throws InterruptedException {
        RecordingSubscriber a = RecordingSubscriber.gated("a");
        RecordingSubscriber b = RecordingSubscriber.gated("b");
        rig.subscribe(a);
        rig.subscribe(b);
        for (int event = 0; event < 20; event++) {
            rig.bus.publish(event);
        }

        Background<Void> shuttingDown = Background.start("shutdown()", () -> {
            rig.bus.shutdown();
            return null;
        });
        shuttingDown.result("Both subscribers were still busy with their first event. shutdown() only stops new"
                + " events and tells each subscriber to stop after its queue; whoever must wait for the end waits"
                + " with terminated().await(...).");
        Throwable refused = catchThrowable(() -> rig.bus.publish(20));
        assertThat(refused).as("what publish threw after shutdown()").isInstanceOf(IllegalStateException.class);
        assertThat(rig.bus.terminated().isSet())
                .as("terminated().isSet() while both subscribers still had 19 events to go").isFalse();

        a.open();
        b.open();

        assertThat(rig.bus.terminated().await(Waits.AT_MOST))
                .as("terminated().await(3 s) once the subscribers could finish (a got %d events, b %d): it must be"
                        + " set when the last subscriber thread has ended", a.count(), b.count())
                .isTrue();
        assertThat(a.received())
                .as("the events 'a' was given: all 20 were published before shutdown(), so all 20 are delivered."
                        + " A shutdown that interrupts the threads or clears the queues loses them; put a stop"
                        + " message behind the queued events instead")
                .containsExactlyElementsOf(upTo(20));
        assertThat(b.received()).as("the events 'b' was given").containsExactlyElementsOf(upTo(20));
        assertThat(rig.threads.stillAliveAfter(Duration.ofSeconds(1)))
                .as("subscriber threads still alive after terminated() was set").isEmpty();
    }
}
