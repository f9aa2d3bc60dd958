package course.threadedio;

/** What {@link EventBus#subscribe} returns: the way to take one subscriber off the bus again. */
@FunctionalInterface
public interface Subscription {

    /**
     * Takes the subscriber off the bus. Returns at once, without waiting for the subscriber. The
     * subscriber still receives the events published before this call, none published after it
     * returned, and then its thread ends. Calling it again does nothing.
     */
    void unsubscribe();
}
