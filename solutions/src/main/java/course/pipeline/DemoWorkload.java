package course.pipeline;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The demo's workload: 100 samples, at most 10 downloads at once, random but repeatable
 * latencies, and a transform that really burns CPU. Given: you use it as is.
 */
public final class DemoWorkload {

    public static final int SAMPLES = 100;
    public static final int MAX_CONCURRENT_DOWNLOADS = 10;
    public static final int READ_AHEAD = 20;
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    public static final int PAYLOAD_BYTES = 16 * 1024;
    /** How many times the transform hashes a sample: about 10-15 ms of CPU per sample on a laptop core. */
    public static final int HASH_ROUNDS = 1200;

    private static final long LATENCY_SEED = 2024;
    private static final int MIN_LATENCY_MS = 50;
    private static final int MAX_LATENCY_MS = 250;

    private DemoWorkload() {
    }

    public static PipelineSettings settings() {
        return new PipelineSettings(MAX_CONCURRENT_DOWNLOADS, READ_AHEAD, TIMEOUT);
    }

    /** The simulated source, completing downloads on {@code scheduler}. */
    public static SampleSource source(ScheduledExecutorService scheduler) {
        return new SimulatedSource(scheduler, DemoWorkload::downloadLatency, PAYLOAD_BYTES);
    }

    /** A random latency between 50 and 250 ms, the same for the same id on every run. */
    public static Duration downloadLatency(int sampleId) {
        return Duration.ofMillis(new SplittableRandom(LATENCY_SEED + sampleId).nextInt(MIN_LATENCY_MS, MAX_LATENCY_MS + 1));
    }

    /**
     * A CPU-heavy transform: hashes the sample {@link #HASH_ROUNDS} times and returns the hex
     * digest. It checks for interruption between rounds, so {@code shutdownNow()} stops it early.
     */
    public static String heavyTransform(Sample sample) {
        MessageDigest sha256 = sha256();
        byte[] digest = new byte[0];
        for (int round = 0; round < HASH_ROUNDS; round++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("transform of sample " + sample.id() + " interrupted");
            }
            sha256.update(digest);
            sha256.update(sample.data());
            digest = sha256.digest();
        }
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
