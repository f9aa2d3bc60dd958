package course.grader.runner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The line protocol between the test runner (in the child JVM) and the grader: one event per
 * line, the kind then its fields, each Base64-encoded, separated by tabs, and last a signature
 * (HMAC-SHA256 of the rest under a key the grader gives the runner on its standard input, so code
 * under test, which never sees the key, cannot write a line the grader accepts). Both sides use
 * this class, so the format lives in one place. A line that does not decode or whose signature
 * does not match (truncated when the JVM died mid-write, or not written by the runner) is ignored.
 */
public final class EventProtocol {

    /** What happened. */
    public sealed interface Event permits Declared, Started, Ended, Done, Exiting, Traced {
    }

    /** A graded test (one per method; a parameterized or repeated method counts once). */
    public record Declared(String id, String className, String method, String displayName, Set<String> tags)
            implements Event {
    }

    public record Started(String id) implements Event {
    }

    /** {@code outcome}: JUnit's SUCCESSFUL, FAILED or ABORTED. */
    public record Ended(String id, String outcome, String message) implements Event {
        public boolean successful() {
            return outcome.equals("SUCCESSFUL");
        }
    }

    /** A test's timeline (JSON, see the report's Timeline), published by the test's support code when it failed. */
    public record Traced(String id, String json) implements Event {
    }

    /** The run finished: every test it was given has ended. */
    public record Done() implements Event {
    }

    /** The JVM is shutting down before the run finished (the code under test called System.exit). */
    public record Exiting() implements Event {
    }

    private EventProtocol() {
    }

    public static String encode(Event event) {
        return switch (event) {
            case Declared d -> line("TEST", d.id(), d.className(), d.method(), d.displayName(), String.join(",", new TreeSet<>(d.tags())));
            case Started s -> line("START", s.id());
            case Ended e -> line("END", e.id(), e.outcome(), e.message());
            case Done d -> line("DONE");
            case Exiting x -> line("EXIT");
            case Traced t -> line("TRACE", t.id(), t.json());
        };
    }

    /** {@code event} as a signed line. */
    public static String encode(Event event, byte[] key) {
        String line = encode(event);
        return line + "\t" + signature(line, key);
    }

    /** The event on a signed {@code line}, or empty when it is not whole, well-formed and signed with {@code key}. */
    public static Optional<Event> decode(String line, byte[] key) {
        int tab = line.lastIndexOf('\t');
        if (tab < 0 || !MessageDigest.isEqual(signature(line.substring(0, tab), key).getBytes(StandardCharsets.US_ASCII),
                line.substring(tab + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return decode(line.substring(0, tab));
    }

    /** A fresh random key for one run. */
    public static byte[] newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static String signature(String line, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(line.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The event on {@code line}, or empty when the line is not a whole, well-formed event. */
    public static Optional<Event> decode(String line) {
        String[] parts = line.split("\t", -1);
        List<String> f = new ArrayList<>();
        try {
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].length() % 4 != 0) {
                    return Optional.empty(); // the runner pads every field: a shorter one was cut off
                }
                f.add(new String(Base64.getDecoder().decode(parts[i]), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (parts[0]) {
            case "TEST" -> f.size() == 5 ? new Declared(f.get(0), f.get(1), f.get(2), f.get(3), tags(f.get(4))) : null;
            case "START" -> f.size() == 1 ? new Started(f.get(0)) : null;
            case "END" -> f.size() == 3 && Set.of("SUCCESSFUL", "FAILED", "ABORTED").contains(f.get(1))
                    ? new Ended(f.get(0), f.get(1), f.get(2)) : null;
            case "DONE" -> f.isEmpty() ? new Done() : null;
            case "EXIT" -> f.isEmpty() ? new Exiting() : null;
            case "TRACE" -> f.size() == 2 ? new Traced(f.get(0), f.get(1)) : null;
            default -> null;
        });
    }

    private static Set<String> tags(String joined) {
        return joined.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(joined.split(",")));
    }

    private static String line(String kind, String... fields) {
        StringBuilder line = new StringBuilder(kind);
        Base64.Encoder encoder = Base64.getEncoder();
        for (String field : fields) {
            line.append('\t').append(encoder.encodeToString(field.getBytes(StandardCharsets.UTF_8)));
        }
        return line.toString();
    }
}
