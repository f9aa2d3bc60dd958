package course.grader.grading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What a test JVM prints, kept up to a cap: the first {@value #KEPT_BYTES} bytes; the rest is read
 * and dropped (and counted), so a test that prints without end neither fills the disk nor stalls.
 */
final class OutputCapture {

    static final int KEPT_BYTES = 64 * 1024;

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;
    private final Thread reader;

    private OutputCapture(InputStream output) {
        reader = Thread.ofPlatform().daemon().name("test-jvm-output").start(() -> drain(output));
    }

    static OutputCapture of(InputStream output) {
        return new OutputCapture(output);
    }

    private void drain(InputStream output) {
        byte[] buffer = new byte[8192];
        try (output) {
            for (int n; (n = output.read(buffer)) > 0; ) {
                synchronized (this) {
                    int room = Math.max(0, KEPT_BYTES - kept.size());
                    kept.write(buffer, 0, Math.min(room, n));
                    dropped += Math.max(0, n - room);
                }
            }
        } catch (IOException e) {
            // the process is gone: what it printed so far is kept
        }
    }

    /** Waits briefly for the output to end, then appends what was kept (and what was dropped) to {@code file}. */
    void appendTo(Path file) {
        try {
            reader.join(2000);
            String text;
            synchronized (this) {
                text = kept.toString(StandardCharsets.UTF_8)
                        + (dropped > 0 ? "\n[" + dropped + " more bytes of output were dropped: only the first "
                        + KEPT_BYTES / 1024 + " KB are kept]\n" : "");
            }
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
