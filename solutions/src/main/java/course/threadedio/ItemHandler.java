package course.threadedio;

/** What a consumer does with one item. It may block; when interrupted it should stop by throwing. */
@FunctionalInterface
public interface ItemHandler<T> {

    void handle(T item) throws InterruptedException;
}
