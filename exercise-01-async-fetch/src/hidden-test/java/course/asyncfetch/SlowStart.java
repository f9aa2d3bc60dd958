package course.asyncfetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A task that is slow to start, submitted on a thread of its own, while another caller submits. */
final class SlowStart {

    private SlowStart() {
    }

    /**
     * Submits {@code firstTask} (through {@code submit}, on a thread of its own) wrapped in a supplier
     * that waits, at most 1 s, for {@code submitOther} to return; runs {@code submitOther} here. True
     * when the other submit returned while the first task was still starting; false when it had to
     * wait for it: the limiter started the task while holding its lock.
     */
    static boolean otherSubmitReturnedMeanwhile(Consumer<Supplier<CompletableFuture<String>>> submit,
                                                Supplier<CompletableFuture<String>> firstTask, Runnable submitOther)
            throws InterruptedException {
        var starting = new CountDownLatch(1);
        var otherSubmitReturned = new CountDownLatch(1);
        var sawOtherSubmitReturn = new AtomicBoolean();
        Thread starter = Thread.ofPlatform().name("slow-starter").start(() -> submit.accept(() -> {
            starting.countDown();
            try {
                sawOtherSubmitReturn.set(otherSubmitReturned.await(1, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return firstTask.get();
        }));
        assertThat(starting.await(3, TimeUnit.SECONDS)).as("the first task should start at once: a slot is free").isTrue();
        submitOther.run();
        otherSubmitReturned.countDown();
        starter.join(3_000);
        return sawOtherSubmitReturn.get();
    }
}
