package course.grader.runner;

import static org.assertj.core.api.Assertions.assertThat;

import course.grader.runner.EventProtocol.Declared;
import course.grader.runner.EventProtocol.Done;
import course.grader.runner.EventProtocol.Ended;
import course.grader.runner.EventProtocol.Started;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The runner's event protocol")
class EventProtocolTest {

    @Test
    @DisplayName("every event reads back as it was written, whatever its text holds (tabs, line breaks, non-ASCII)")
    void roundTrip() {
        List<EventProtocol.Event> events = List.of(
                new Declared("[engine:junit-jupiter]/[class:a.B]/[method:c()]", "a.B", "c", "says\thello\nand é", Set.of("part:A", "points:5")),
                new Started("id"), new Ended("id", "FAILED", "boom\n\tat a.B.c(B.java:1)"), new Ended("id", "SUCCESSFUL", ""),
                new Declared("x", "a.B", "d", "no tags", Set.of()), new Done());

        for (EventProtocol.Event event : events) {
            String line = EventProtocol.encode(event);
            assertThat(line).as("one line").doesNotContain("\n");
            assertThat(EventProtocol.decode(line)).as("decoded %s", line).contains(event);
        }
    }

    @ParameterizedTest(name = "\"{0}\" is ignored")
    @ValueSource(strings = {"", "DONE\tAAAA", "START", "START\tnot base64!", "END\taWQ=\tRkFJTEVE", "END\taWQ=\tUEFTU0VE\tbXNn",
            "TEST\taWQ=\tYS5C", "HELLO\taWQ=", "passed", "START\taWQ=\taWQ="})
    @DisplayName("a malformed, truncated or unknown line is ignored")
    void malformed(String line) {
        assertThat(EventProtocol.decode(line)).isEmpty();
    }

    @Test
    @DisplayName("a line cut off in the middle of a field (the JVM died while writing it) is ignored")
    void truncated() {
        String line = EventProtocol.encode(new Ended("[engine:junit-jupiter]/[class:a.B]/[method:c()]", "SUCCESSFUL", "fine"));
        for (int cut = 1; cut < line.length(); cut++) {
            String part = line.substring(0, cut);
            assertThat(EventProtocol.decode(part)).as("cut at %d: %s", cut, part)
                    .satisfiesAnyOf(e -> assertThat(e).isEmpty(), e -> assertThat(e).get().isNotEqualTo(EventProtocol.decode(line).get()));
        }
    }
}
