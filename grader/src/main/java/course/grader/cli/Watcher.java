package course.grader.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./grade --watch}: waits for a change under the watched folders (the JDK's WatchService),
 * then lets the caller grade again; Ctrl-C ends it. Changes that come together (an IDE saving
 * several files) make one round.
 */
final class Watcher implements AutoCloseable {

    private static final long QUIET_MILLIS = 300;

    private final WatchService service = FileSystems.getDefault().newWatchService();

    Watcher(List<Path> roots) throws IOException {
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> dirs = Files.walk(root)) {
                    for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                        dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                                StandardWatchEventKinds.ENTRY_DELETE);
                    }
                }
            }
        }
    }

    /** Blocks until something changed (and stayed quiet for a moment). */
    void awaitChange() throws InterruptedException {
        WatchKey key = service.take();
        do {
            key.pollEvents();
            key.reset();
        } while ((key = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null);
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
