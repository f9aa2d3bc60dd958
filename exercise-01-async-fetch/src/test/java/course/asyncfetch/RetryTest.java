package course.asyncfetch;

import static course.asyncfetch.AsyncAssertions.assertPending;
import static course.asyncfetch.AsyncAssertions.failureChainOf;
import static course.asyncfetch.AsyncAssertions.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Timeout;

@Tag("part:D")
@DisplayName("D. Retry with exponential backoff")
@ExtendWith(TimelineExtension.class)
class RetryTest extends RetryTestSupport {

    @Test
    @Tag("points:3")
    @DisplayName("retries after base, 2·base and 4·base on the scheduler and returns the first success")
    void backsOffExponentially() {
        var result = retry(RetryPolicy.of(5, BASE));
        assertThat(remote.started()).as("the first attempt starts at once").isEqualTo(1);

        failAndExpectRetryAfter(1, BASE);
        failAndExpectRetryAfter(2, BASE.multipliedBy(2));
        failAndExpectRetryAfter(3, BASE.multipliedBy(4));
        remote.complete(3);

        assertThat(valueOf(result, "attempt 4 succeeded")).isEqualTo(FakeRemote.itemFor(42));
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(remote.started()).as("no attempt after a success").isEqualTo(4);
    }

    @Test
    @Tag("points:2.5")
    @DisplayName("gives up after maxAttempts and fails with the last failure")
    void givesUp() {
        var result = retry(RetryPolicy.of(3, BASE));
        failAndExpectRetryAfter(1, BASE);
        failAndExpectRetryAfter(2, BASE.multipliedBy(2));
        var last = new IllegalStateException("attempt 3 failed");
        remote.fail(2, last);

        assertThat(failureChainOf(result, "all 3 attempts failed"))
                .as("after the last attempt fails, the result should fail with that attempt's exception (not the first"
                        + " attempt's, nor a wrapper of your own)")
                .contains(last);
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(remote.started())
                .as("maxAttempts is 3 and counts the first attempt too: attempts made in all").isEqualTo(3);
    }

    @Test
    @Tag("points:1.5")
    @DisplayName("returns at once while the first attempt is running, and contains no blocking call")
    // ArchUnit reads the package's classes the first time a JVM checks them: well under a second
    // normally, but several on a machine with every core busy. The blocking check itself is bounded
    // by returnsPromptly (3 s), so only the import gets the extra time.
    @Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void neverBlocks() {
        var result = retry(RetryPolicy.of(2, BASE));
        assertPending(result, "the first attempt has not completed");
        failAndExpectRetryAfter(1, BASE);
        remote.complete(1);
        assertThat(valueOf(result, "attempt 2 succeeded")).isEqualTo(FakeRemote.itemFor(42));
        NoBlockingCalls.assertNoBlockingCallsIn(Retry.class);
    }
}
