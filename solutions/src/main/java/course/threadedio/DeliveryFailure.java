package course.threadedio;

/**
 * A subscriber threw while handling an event (part F): the bus reports it instead of losing it.
 *
 * @param subscriber the name the subscriber was registered with
 * @param event      the event it was handling
 * @param error      what {@link Subscriber#onEvent} threw
 */
public record DeliveryFailure(String subscriber, Object event, Throwable error) {
}
