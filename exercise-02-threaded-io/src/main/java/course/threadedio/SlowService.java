package course.threadedio;

/** A remote service whose client blocks the calling thread for the whole call (part E). */
@FunctionalInterface
public interface SlowService {

    String call(int request) throws InterruptedException;
}
