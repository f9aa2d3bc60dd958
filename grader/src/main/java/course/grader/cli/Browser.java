package course.grader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Opens a file in the default browser where the machine has one; otherwise says where the file is. */
final class Browser {

    private Browser() {
    }

    static void open(Path file) {
        String os = System.getProperty("os.name", "").toLowerCase();
        List<String> command = os.contains("win") ? List.of("cmd", "/c", "start", "", file.toString())
                : os.contains("mac") ? List.of("open", file.toString()) : List.of("xdg-open", file.toString());
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            System.out.println("Opening " + file + " ...");
        } catch (IOException e) {
            System.out.println("No browser to open it with here: open " + file + " yourself.");
        }
    }
}
