package course.grader.grading;

import static org.assertj.core.api.Assertions.assertThat;

import course.grader.runner.EventProtocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Reading the runner's events file")
class RunEventsTest {

    @TempDir
    Path dir;

    private Path file(String... lines) throws Exception {
        Path file = dir.resolve("events.txt");
        Files.write(file, List.of(lines));
        return file;
    }

    static final byte[] KEY = EventProtocol.newKey();

    private static String line(EventProtocol.Event event) {
        return EventProtocol.encode(event, KEY);
    }

    @Test
    @DisplayName("tests, starts and ends are collected; the test running when the JVM died is the one started without an end")
    void crashedMidTest() throws Exception {
        RunEvents events = RunEvents.read(file(
                line(new EventProtocol.Declared("a", "x.T", "a", "A", Set.of())),
                line(new EventProtocol.Declared("b", "x.T", "b", "B", Set.of())),
                line(new EventProtocol.Started("a")), line(new EventProtocol.Ended("a", "SUCCESSFUL", "")),
                line(new EventProtocol.Started("b")),
                line(new EventProtocol.Ended("b", "SUCCESSFUL", "")).substring(0, 12)), KEY);

        assertThat(events.declared()).extracting(EventProtocol.Declared::id).containsExactly("a", "b");
        assertThat(events.ended()).containsOnlyKeys("a");
        assertThat(events.done()).isFalse();
        assertThat(events.startedNotEnded(Set.of())).isEqualTo("b");
        assertThat(events.startedNotEnded(Set.of("b"))).isNull();
    }

    @Test
    @DisplayName("nothing after the end marker counts: a result appended later (by a shutdown hook, say) is ignored")
    void linesAfterDoneAreIgnored() throws Exception {
        RunEvents events = RunEvents.read(file(
                line(new EventProtocol.Declared("a", "x.T", "a", "A", Set.of())),
                line(new EventProtocol.Started("a")), line(new EventProtocol.Ended("a", "FAILED", "no")),
                line(new EventProtocol.Done()),
                line(new EventProtocol.Ended("a", "SUCCESSFUL", "")),
                line(new EventProtocol.Declared("forged", "x.T", "f", "F", Set.of("points:100")))), KEY);

        assertThat(events.done()).isTrue();
        assertThat(events.ended().get("a").successful()).isFalse();
        assertThat(events.declared()).hasSize(1);
    }

    @Test
    @DisplayName("a line not signed with the run's key (written by the code under test, say) is ignored")
    void forgedLinesAreIgnored() throws Exception {
        RunEvents events = RunEvents.read(file(
                line(new EventProtocol.Declared("a", "x.T", "a", "A", Set.of())),
                line(new EventProtocol.Started("a")),
                EventProtocol.encode(new EventProtocol.Ended("a", "SUCCESSFUL", "")),
                EventProtocol.encode(new EventProtocol.Ended("a", "SUCCESSFUL", ""), EventProtocol.newKey()),
                EventProtocol.encode(new EventProtocol.Done())), KEY);

        assertThat(events.ended()).as("no result for a: both were forged").isEmpty();
        assertThat(events.done()).as("the forged end marker does not count").isFalse();
        assertThat(events.startedNotEnded(Set.of())).isEqualTo("a");
    }

    @Test
    @DisplayName("the JVM's exit marker (System.exit) ends the run like DONE: nothing after it counts")
    void exitMarkerEndsTheRun() throws Exception {
        RunEvents events = RunEvents.read(file(
                line(new EventProtocol.Declared("a", "x.T", "a", "A", Set.of())), line(new EventProtocol.Started("a")),
                line(new EventProtocol.Exiting()), line(new EventProtocol.Ended("a", "SUCCESSFUL", ""))), KEY);

        assertThat(events.exiting()).isTrue();
        assertThat(events.done()).isFalse();
        assertThat(events.ended()).isEmpty();
    }

    @Test
    @DisplayName("a missing file is an empty run")
    void missingFile() throws Exception {
        RunEvents events = RunEvents.read(dir.resolve("none.txt"), KEY);

        assertThat(events.declared()).isEmpty();
        assertThat(events.done()).isFalse();
    }
}
