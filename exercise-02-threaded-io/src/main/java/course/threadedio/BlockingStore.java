package course.threadedio;

import java.io.IOException;

/**
 * A file store whose client library blocks: {@link #download} holds the calling thread until
 * the bytes have arrived. Libraries like this are why part A uses a pool of threads.
 */
@FunctionalInterface
public interface BlockingStore {

    /** Downloads item {@code id}, blocking the calling thread until it has arrived. */
    byte[] download(int id) throws IOException, InterruptedException;
}
