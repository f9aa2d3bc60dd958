package course.threadedio;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The demo's store: every download sleeps for a random 20 to 80 ms, like a slow disk or
 * network, then returns the same bytes for the same id (so the hashes are the same on every run).
 */
public final class SimulatedStore implements BlockingStore {

    private final long minMillis;
    private final long maxMillis;

    public SimulatedStore() {
        this(20, 80);
    }

    public SimulatedStore(long minMillis, long maxMillis) {
        if (minMillis < 0 || maxMillis < minMillis) {
            throw new IllegalArgumentException("need 0 <= minMillis <= maxMillis");
        }
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
    }

    @Override
    public byte[] download(int id) throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextLong(minMillis, maxMillis + 1));
        return contentOf(id);
    }

    /** The bytes of item {@code id}: a few lines of text, the same on every call. */
    public static byte[] contentOf(int id) {
        return ("file-" + id + "\n").repeat(1 + Math.floorMod(id, 4)).getBytes(UTF_8);
    }
}
