package course.cpuparallel;

import java.util.ArrayList;
import java.util.List;

/** Helpers for checking which exception a failure carries, however deeply it was wrapped. */
final class Failures {

    private Failures() {
    }

    /** The throwable, its cause, its cause's cause, and so on. */
    static List<Throwable> chain(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** A short description of the chain for failure messages: {@code CompletionException <- IllegalStateException: boom}. */
    static String describe(Throwable thrown) {
        return String.join(" <- ", chain(thrown).stream()
                .map(t -> t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()))
                .toList());
    }
}
