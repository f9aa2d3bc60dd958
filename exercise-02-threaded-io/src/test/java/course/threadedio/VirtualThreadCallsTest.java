package course.threadedio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NotWrittenYet.class)
@ExtendWith(TimelineExtension.class)
@Tag("part:E")
@DisplayName("E. Virtual threads")
class VirtualThreadCallsTest {

    private static final int CALLS = 10_000;
    private static final int FAR_MORE_THAN_A_POOL = 1_000;

    @Test
    @Tag("points:3")
    @DisplayName("every one of the 10,000 calls runs on a virtual thread, and every answer comes back")
    void everyCallRunsOnAVirtualThread() throws Exception {
        GatedSlowService service = new GatedSlowService(FAR_MORE_THAN_A_POOL);

        List<String> answers = VirtualThreadCalls.callAll(service, CALLS);

        assertThat(service.onPlatformThreads())
                .as("calls (of %,d) the service saw on platform threads. Run them on"
                        + " Executors.newVirtualThreadPerTaskExecutor(), not on a pool of platform threads", CALLS)
                .isZero();
        assertThat(answers).as("the answers").hasSize(CALLS);
        assertThat(answers.get(0)).as("the first answer").isEqualTo(GatedSlowService.answerTo(0));
        assertThat(answers.get(CALLS - 1)).as("the last answer").isEqualTo(GatedSlowService.answerTo(CALLS - 1));
    }

    @Test
    @Tag("points:4")
    @DisplayName("the calls wait together: at least 1,000 are in flight at the same moment, far more than a pool of platform threads holds")
    void farMoreCallsWaitAtOnceThanAPoolHolds() throws Exception {
        GatedSlowService service = new GatedSlowService(FAR_MORE_THAN_A_POOL);

        VirtualThreadCalls.callAll(service, CALLS);

        assertThat(service.maxInFlight())
                .as("the most calls in flight at once. Each call blocks until %,d are in flight together;"
                        + " only thousands of cheap threads get there. A fixed pool of platform threads"
                        + " stops at its size", FAR_MORE_THAN_A_POOL)
                .isGreaterThanOrEqualTo(FAR_MORE_THAN_A_POOL);
        assertThat(service.gaveUp()).as("whether the blocked calls gave up waiting for company").isFalse();
        assertThat(service.ended()).as("calls that ended").isEqualTo(CALLS);
    }
}
