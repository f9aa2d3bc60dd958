package course.grader.runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The events file, appended to and flushed line by line (so it survives the JVM), each line signed. */
final class EventSink implements AutoCloseable {

    private final PrintWriter out;
    private final byte[] key;

    EventSink(Path file, byte[] key) throws IOException {
        this.key = key.clone();
        out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true);
    }

    synchronized void write(EventProtocol.Event event) {
        out.println(EventProtocol.encode(event, key));
        out.flush();
    }

    @Override
    public void close() {
        out.close();
    }
}
