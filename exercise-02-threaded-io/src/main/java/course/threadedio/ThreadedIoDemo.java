package course.threadedio;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * The seeds' threaded I/O exercise: 30 simulated downloads on a pool of 8 threads, then the
 * number completed and the first 5 short hashes. Run it with
 * {@code mvn -q compile exec:exec -pl exercise-02-threaded-io -Ddemo=course.threadedio.ThreadedIoDemo}.
 */
public final class ThreadedIoDemo {

    private ThreadedIoDemo() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> ids = IntStream.range(0, 30).boxed().toList();
        DownloadSummary summary = PooledDownloader.downloadAll(
                new SimulatedStore(), ids, 8, Executors.defaultThreadFactory());
        System.out.println("Completed: " + summary.completed());
        System.out.println("First 5 hashes: " + summary.firstHashes());
    }
}
