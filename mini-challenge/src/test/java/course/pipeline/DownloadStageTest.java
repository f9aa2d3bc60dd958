package course.pipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static course.pipeline.Waits.eventually;
import static course.pipeline.Waits.staysSo;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TimelineExtension.class)
@Tag("part:A")
@DisplayName("A. Download stage: at most K downloads at once, and no thread ever waits")
class DownloadStageTest {

    private PipelineRig rig;

    @AfterEach
    void closeRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Tag("points:2")
    @DisplayName("with nothing completing, exactly K downloads start")
    void startsExactlyKDownloadsWhileNoneCompletes() {
        rig = new PipelineRig(3, 20, 2, FakeTransform.immediate()).recordingDownloadsOnly();
        rig.run(20);

        eventually(() -> assertThat(rig.source.started())
                .as("downloads started after run() while none completed (the limit K is 3): fewer means stage 1 "
                        + "does not start K at once; more means the limit is not checked before each start")
                .isEqualTo(3));
        staysSo(() -> assertThat(rig.source.started())
                .as("downloads started while none completed; the limit K is 3 - did you start every download up front?")
                .isEqualTo(3));
    }

    @Test
    @Tag("points:2")
    @DisplayName("each finished download lets exactly one more start, never more than K in flight")
    void eachCompletionStartsExactlyOneMore() {
        rig = new PipelineRig(3, 20, 2, FakeTransform.immediate()).recordingDownloadsOnly();
        rig.run(12);
        rig.awaitDownloadsStarted(3);

        rig.source.complete(1);
        eventually(() -> assertThat(rig.source.started())
                .as("downloads started after one of the first 3 completed: the free slot should be refilled at once "
                        + "(start the next download from the completion callback)")
                .isEqualTo(4));
        staysSo(() -> assertThat(rig.source.started())
                .as("downloads started after exactly one completed (limit 3): one slot freed, so one more may start")
                .isEqualTo(4));

        rig.source.autoComplete();
        rig.source.completeAllStarted();
        eventually(() -> assertThat(rig.source.started())
                .as("downloads started over the whole run of 12 samples, once every download completed at once")
                .isEqualTo(12));
        assertThat(rig.source.maxInFlight())
                .as("most downloads in flight at the same moment; the limit K is 3")
                .isLessThanOrEqualTo(3);
    }

    @Test
    @Tag("points:2")
    @DisplayName("a download's slot is free when the download completes, even while its sample waits for stage 2")
    void aSlotIsFreedWhenTheDownloadCompletesNotWhenItsTransformEnds() {
        rig = new PipelineRig(2, 20, 2, FakeTransform.immediate()).recordingDownloadsOnly();
        rig.holdCpuPool(); // every sample handed to stage 2 now waits in the pool's queue, not transformed yet
        rig.run(10);
        rig.awaitDownloadsStarted(2);

        rig.source.complete(0, 1);

        eventually(() -> assertThat(rig.source.started())
                .as("downloads started after downloads 0 and 1 completed while their samples still wait for the CPU "
                        + "pool (limit K = 2, read-ahead 20). A slot belongs to a download in flight: it is free as soon "
                        + "as the download completes. Freeing it only when the sample's transform ends makes stage 1 "
                        + "wait for stage 2")
                .isEqualTo(4));
        staysSo(() -> assertThat(rig.source.started())
                .as("downloads started after 2 of them completed (limit K = 2): never more than K in flight")
                .isEqualTo(4));
    }

    @Test
    @Tag("points:1")
    @DisplayName("run() returns its future at once while no download has completed")
    void runReturnsAtOnceWhileNothingCompletes() throws Exception {
        rig = new PipelineRig(3, 20, 2, FakeTransform.immediate()).recordingDownloadsOnly();
        CompletableFuture<CompletableFuture<PipelineReport>> call = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("caller-of-run").start(() -> {
            try {
                call.complete(rig.run(10));
            } catch (Throwable e) {
                call.completeExceptionally(e);
            }
        });

        CompletableFuture<PipelineReport> returned;
        try {
            returned = call.get(3, TimeUnit.SECONDS);
        } catch (ExecutionException thrown) {
            throw thrown.getCause() instanceof Exception e ? e : thrown; // what run() threw, as it threw it
        } catch (TimeoutException stillRunning) {
            throw new AssertionError("run() did not return within 3 s while no download had completed: it waits for "
                    + "downloads (a join()/get() or a blocking acquire). Stage 1 must return a future at once and react "
                    + "to completions");
        }
        assertThat(returned).as("the future run() returned, while no download has completed yet").isNotDone();
        eventually(() -> assertThat(rig.source.started())
                .as("downloads started by the time run() returned").isEqualTo(3));
    }

    @Test
    @Tag("points:1")
    @DisplayName("the pipeline's code never calls a blocking method (ArchUnit)")
    // Importing and checking the classes takes a few seconds on a busy machine: more than the default 5 s there.
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void stageOneNeverBlocksAThread() {
        // First the pipeline must work at all: a rule that passes on an empty stub proves nothing.
        rig = new PipelineRig(2, 4, 2, FakeTransform.immediate()).recordingDownloadsOnly();
        rig.source.autoComplete();
        rig.run(3);
        eventually(() -> assertThat(rig.transform.finishedCount())
                .as("samples downloaded and transformed in a small run whose downloads all complete at once")
                .isEqualTo(3));

        NO_BLOCKING_CALLS.check(BlockingCalls.importPackageOf(Pipeline.class));
    }

    private static final DescribedPredicate<JavaClass> A_PROGRAM = DescribedPredicate.describe(
            "a program with a main method (the demo may wait for its result)",
            javaClass -> hasMain(javaClass)
                    || javaClass.getEnclosingClass().map(DownloadStageTest::hasMain).orElse(false));

    private static boolean hasMain(JavaClass javaClass) {
        return javaClass.tryGetMethod("main", String[].class).isPresent();
    }

    private static final ArchRule NO_BLOCKING_CALLS = noClasses()
            .that().resideInAPackage("course.pipeline")
            .and(DescribedPredicate.not(A_PROGRAM))
            .should().accessTargetWhere(BlockingCalls.A_BLOCKING_CALL)
            .because("the pipeline runs on other people's threads (the source's completion threads, the CPU pool) "
                    + "and must never park one: a thread waiting for a download or for a free slot is exactly what "
                    + "the asynchronous source saves you. React instead of waiting: start the next download from "
                    + "the completion callback (whenComplete), hand the transform to the pool, end the run by "
                    + "completing the future you returned, and use shutdown()/shutdownNow(), not close(), on the pool");
}
