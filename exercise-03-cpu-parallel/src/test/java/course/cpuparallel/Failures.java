package course.cpuparallel;

import java.util.ArrayList;
import java.util.List;

/** Helpers for checking which exception a failure carries, however deeply it was wrapped. */
final class Failures {

    private Failures() {
    }

    /**
     * The throwable, its cause, its cause's cause, and so on. A stub's TODO among them fails the
     * test at once with "... is not written yet: TODO ..." ({@link NotWrittenYet}).
     */
    static List<Throwable> chain(Throwable thrown) {
        NotWrittenYet.check(thrown);
        return causes(thrown);
    }

    /** The throwable and its causes, outermost first. */
    static List<Throwable> causes(Throwable thrown) {
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
