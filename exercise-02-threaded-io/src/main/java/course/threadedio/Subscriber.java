package course.threadedio;

/**
 * Receives the events of an {@link EventBus} (part F). The bus calls {@link #onEvent} on the
 * subscriber's own thread, one event at a time, in the order they were published. It may block,
 * and it may throw: the bus reports the exception and goes on with the next event.
 */
@FunctionalInterface
public interface Subscriber<E> {

    void onEvent(E event) throws Exception;
}
