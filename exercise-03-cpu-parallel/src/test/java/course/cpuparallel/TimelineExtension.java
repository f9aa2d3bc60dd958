package course.cpuparallel;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives every test a fresh {@link Timeline} and, when the test fails, publishes what it recorded
 * (the grader draws it in its reports). A test class whose fakes record says so with
 * {@code @ExtendWith(TimelineExtension.class)}; a plain {@code mvn test} ignores the entry.
 */
public final class TimelineExtension implements BeforeEachCallback, AfterTestExecutionCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        Timeline.reset();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Timeline timeline = Timeline.current();
        if (context.getExecutionException().isPresent() && !timeline.isEmpty()) {
            context.publishReportEntry("timeline", timeline.toJson());
        }
    }
}
