package course.grader.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The events file, appended to and flushed line by line so it survives the JVM. */
final class EventSink implements AutoCloseable {

    private final PrintWriter out;

    EventSink(Path file) throws IOException {
        out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true);
    }

    synchronized void write(EventProtocol.Event event) {
        out.println(EventProtocol.encode(event));
        out.flush();
    }

    @Override
    public void close() {
        out.close();
    }
}
