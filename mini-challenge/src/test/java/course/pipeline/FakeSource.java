package course.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * A sample source whose downloads complete only when the test says so. Each completion runs on a
 * fresh thread named {@code io-<id>}, once the pipeline listens to that download, as a real
 * asynchronous client completes futures on its own threads; the test then waits (Awaitility) for
 * what the pipeline does about it.
 * Counts started, in-flight, max-in-flight and cancelled downloads.
 */
final class FakeSource implements SampleSource {

    /** The one callback this fake attaches to each download itself (to count cancellations). */
    private static final int OWN_LISTENERS = 1;

    private final LongSupplier clock;
    private final Map<Integer, Long> startedAt = new ConcurrentHashMap<>();
    private final Map<Integer, Long> completedAt = new ConcurrentHashMap<>();
    private final Map<Integer, CompletableFuture<Sample>> downloads = new ConcurrentHashMap<>();
    private final Set<Integer> ended = ConcurrentHashMap.newKeySet();
    private final List<Integer> startOrder = new ArrayList<>();
    private final Set<Integer> failOn = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger cancelled = new AtomicInteger();
    private final Map<Integer, Thread> completers = new ConcurrentHashMap<>();
    private volatile boolean autoComplete;
    /** Set by the test to check how many samples were ahead of stage 2 at every download start. */
    private volatile FakeTransform stageTwo;
    private final AtomicInteger maxAheadOfStageTwo = new AtomicInteger();
    /** What each download looks like on the test's timeline (see {@link Timeline}). */
    private final Map<Integer, Timeline.Call> calls = new ConcurrentHashMap<>();
    private volatile int limit = Integer.MAX_VALUE;
    private volatile int readAhead = Integer.MAX_VALUE;
    /** Why the run is over (the timeout fired, a sample failed), or null: shared with the rig's other fakes. */
    private volatile AtomicReference<String> over = new AtomicReference<>();

    /** @param clock the test's clock, read when each download starts */
    FakeSource(LongSupplier clock) {
        this.clock = clock;
    }

    /** From now on every download completes by itself, right after it starts. */
    FakeSource autoComplete() {
        autoComplete = true;
        return this;
    }

    /** Downloads of these samples fail (when completed) with an IllegalStateException. */
    FakeSource failOn(Integer... ids) {
        failOn.addAll(List.of(ids));
        return this;
    }

    /**
     * Record, at each download start, how many samples are started but not yet transformed. The
     * timeline then shows each sample from its download start until its transform ends (what the
     * read-ahead bound counts), with the bound drawn.
     */
    FakeSource watchAheadOf(FakeTransform transform) {
        transform.whenEnded(this::stageTwoEnded);
        stageTwo = transform;
        Timeline.current().bound("samples ahead of stage 2 (readAhead)", readAhead);
        return this;
    }

    /** The limits the pipeline runs with, to mark on the timeline the moment one is crossed. */
    FakeSource limits(int maxConcurrentDownloads, int readAhead, AtomicReference<String> over) {
        this.limit = maxConcurrentDownloads;
        this.readAhead = readAhead;
        this.over = over;
        return this;
    }

    /** Draws the download limit K on the timeline (the part-A tests, where only downloads are recorded). */
    FakeSource boundDownloadsInFlight() {
        Timeline.current().bound("downloads in flight (K)", limit);
        return this;
    }

    private void stageTwoEnded(int id, String outcome) {
        Timeline.Call call = calls.get(id);
        if (call != null) {
            switch (outcome) {
                case "done" -> call.done();
                case "failed" -> call.failed();
                default -> call.cancelled();
            }
        }
    }

    @Override
    public CompletableFuture<Sample> download(int id) {
        startedAt.put(id, clock.getAsLong());
        CompletableFuture<Sample> download = new CompletableFuture<>();
        int started;
        synchronized (startOrder) {
            startOrder.add(id);
            started = startOrder.size();
        }
        if (downloads.putIfAbsent(id, download) != null) {
            throw new AssertionError("sample " + id + " was downloaded twice; each sample must be downloaded once");
        }
        int nowInFlight = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(nowInFlight, Math::max);
        FakeTransform transform = stageTwo;
        Timeline timeline = Timeline.current();
        calls.put(id, timeline.start((transform != null ? "sample " : "download ") + id));
        if (nowInFlight > limit) {
            timeline.broke("download " + id + " started while " + (nowInFlight - 1) + (nowInFlight - 1 == 1 ? " was" : " were") + " in flight (K = " + limit + ")");
        }
        String whyOver = over.get();
        if (whyOver != null) {
            timeline.broke("download " + id + " started after " + whyOver);
        }
        if (transform != null) {
            int ahead = started - transform.finishedCount();
            maxAheadOfStageTwo.accumulateAndGet(ahead, Math::max);
            if (ahead > readAhead) {
                timeline.broke("download " + id + " started with " + (ahead - 1) + (ahead - 1 == 1 ? " sample" : " samples") + " already ahead of stage 2 (readAhead = "
                        + readAhead + ")");
            }
        }
        download.whenComplete((sample, error) -> {
            if (download.isCancelled()) {
                cancelled.incrementAndGet();
                calls.get(id).cancelled();
            }
            ended(id);
        });
        if (autoComplete) {
            complete(id);
        }
        return download;
    }

    /** Completes download {@code id} (with its sample, or an error if it is set to fail) on a fresh thread. */
    void complete(int id) {
        CompletableFuture<Sample> download = downloads.get(id);
        if (download == null) {
            throw new AssertionError("the test tried to complete download " + id + ", but the pipeline never started it; "
                    + "started so far: " + startedIds());
        }
        completedAt.putIfAbsent(id, clock.getAsLong());
        Thread completer = Thread.ofPlatform().name("io-" + id).daemon().unstarted(() -> {
            awaitPipelineListening(download);
            if (download.isDone()) {
                return;
            }
            // No longer in flight once the answer has arrived, before the pipeline's callbacks run
            // (they run inside complete() and may already start the next download).
            ended(id);
            Timeline.Call call = calls.get(id);
            if (failOn.contains(id)) {
                over.compareAndSet(null, "sample " + id + "'s download failed");
                call.failed();
                download.completeExceptionally(new IllegalStateException("fake download of sample " + id + " failed"));
            } else {
                if (stageTwo == null) {
                    call.done(); // with the read-ahead watched, the sample stays on the timeline until its transform ends
                }
                download.complete(new Sample(id, new byte[] {(byte) id}));
            }
        });
        completers.put(id, completer);
        completer.start();
    }

    /**
     * A real remote answers long after the caller attached its callback, so the callback runs on the
     * client's thread. A fake that answers at once could beat the pipeline to it, and the callback
     * would then run on whichever thread asked for the download (even the test's own): so wait until
     * someone besides this fake listens to the download (a callback, or a thread blocked in join), or
     * up to a second for a pipeline that never listens.
     */
    private static void awaitPipelineListening(CompletableFuture<Sample> download) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (download.getNumberOfDependents() <= OWN_LISTENERS && !download.isDone()
                && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
        }
    }

    private void ended(int id) {
        if (ended.add(id)) {
            inFlight.decrementAndGet();
        }
    }

    void complete(int... ids) {
        for (int id : ids) {
            complete(id);
        }
    }

    /** Completes every download started so far and not done yet, highest id first. */
    void completeAllStarted() {
        startedIds().stream().sorted((a, b) -> b - a)
                .filter(id -> !downloads.get(id).isDone())
                .forEach(this::complete);
    }

    int started() {
        synchronized (startOrder) {
            return startOrder.size();
        }
    }

    List<Integer> startedIds() {
        synchronized (startOrder) {
            return List.copyOf(startOrder);
        }
    }

    boolean wasStarted(int id) {
        return downloads.containsKey(id);
    }

    /** The test clock's reading when download {@code id} started. */
    long startedAtNanos(int id) {
        return startedAt.get(id);
    }

    /**
     * The clock time during which at least one download was in flight, as this fake saw it: the union of
     * [started, completed by the test] of every completed download. What a correct report's download busy time is.
     */
    long busyNanos() {
        long busy = 0;
        long coveredUntil = Long.MIN_VALUE;
        List<Map.Entry<Integer, Long>> starts = startedAt.entrySet().stream()
                .filter(entry -> completedAt.containsKey(entry.getKey()))
                .sorted(Map.Entry.comparingByValue()).toList();
        for (Map.Entry<Integer, Long> start : starts) {
            long from = Math.max(start.getValue(), coveredUntil);
            long until = completedAt.get(start.getKey());
            if (until > from) {
                busy += until - from;
                coveredUntil = until;
            }
        }
        return busy;
    }

    int inFlight() {
        return inFlight.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    int cancelled() {
        return cancelled.get();
    }

    boolean isCancelled(int id) {
        CompletableFuture<Sample> download = downloads.get(id);
        return download != null && download.isCancelled();
    }

    int maxAheadOfStageTwo() {
        return maxAheadOfStageTwo.get();
    }

    /** True once the test asked to complete download {@code id} (or it ended otherwise). */
    boolean isDoneOrCompleting(int id) {
        CompletableFuture<Sample> download = downloads.get(id);
        return completers.containsKey(id) || (download != null && download.isDone());
    }

    /** Every thread that completed (or is completing) a download. */
    List<Thread> completers() {
        return List.copyOf(completers.values());
    }

    /** The thread that completed (or is completing) download {@code id}, or null. */
    Thread completerOf(int id) {
        return completers.get(id);
    }
}
