package course.grader.grading;

import course.grader.runner.EventProtocol;
import course.grader.runner.EventProtocol.Declared;
import course.grader.runner.EventProtocol.Ended;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One run's events file, read back (each restart of the runner has a file of its own). DONE or EXIT
 * ends it (anything after it is ignored), and a line that does not decode or is not signed with
 * {@code key} is skipped.
 *
 * @param done    the run finished
 * @param exiting the JVM began to shut down before the run finished (System.exit)
 */
record RunEvents(List<Declared> declared, List<String> started, Map<String, Ended> ended, Map<String, String> timelines,
                 boolean done, boolean exiting) {

    static RunEvents read(Path file, byte[] key) throws IOException {
        List<Declared> declared = new ArrayList<>();
        List<String> started = new ArrayList<>();
        Map<String, Ended> ended = new LinkedHashMap<>();
        Map<String, String> timelines = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return new RunEvents(declared, started, ended, timelines, false, false);
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Optional<EventProtocol.Event> event = EventProtocol.decode(line, key);
            switch (event.orElse(null)) {
                case Declared d -> declared.add(d);
                case EventProtocol.Started s -> started.add(s.id());
                case Ended e -> ended.put(e.id(), e);
                case EventProtocol.Traced t -> timelines.put(t.id(), t.json());
                case EventProtocol.Done d -> {
                    return new RunEvents(declared, started, ended, timelines, true, false);
                }
                case EventProtocol.Exiting x -> {
                    return new RunEvents(declared, started, ended, timelines, false, true);
                }
                case null -> { }
            }
        }
        return new RunEvents(declared, started, ended, timelines, false, false);
    }

    /** The test a run was in when it stopped: started, with no result yet and not settled before; or null. */
    String startedNotEnded(Set<String> settled) {
        for (int i = started.size() - 1; i >= 0; i--) {
            String id = started.get(i);
            if (!ended.containsKey(id) && !settled.contains(id)) {
                return id;
            }
        }
        return null;
    }
}
