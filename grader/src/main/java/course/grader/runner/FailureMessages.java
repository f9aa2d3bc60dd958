package course.grader.runner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** What a failed test's result says: the failure, its causes, and where the code under test was. */
final class FailureMessages {

    private FailureMessages() {
    }

    static boolean isTimeout(Throwable failure) {
        return failure instanceof TimeoutException || String.valueOf(failure.getMessage()).contains("timed out after");
    }

    static String message(Optional<Throwable> failure) {
        if (failure.isEmpty()) {
            return "";
        }
        Throwable t = failure.get();
        // A failed assertion or a stub's TODO says it all in its message: that comes first, with no class
        // name before it. Any other exception is named (a NullPointerException says what went wrong).
        boolean messageSaysIt = t.getMessage() != null && (t instanceof AssertionError
                || t instanceof UnsupportedOperationException && t.getMessage().contains("TODO"));
        StringBuilder text = new StringBuilder(messageSaysIt ? "" : t.getClass().getName());
        if (t.getMessage() != null) {
            text.append(messageSaysIt ? "" : ": ").append(t.getMessage().strip());
        }
        for (Throwable cause = t.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("\ncaused by ").append(cause);
        }
        if (isTimeout(t)) {
            appendWhereStuck(text, t);
            text.append("\nThreads of the code under test still alive afterwards:\n").append(threadDump());
        } else {
            // Where in the code under test it went wrong: the first frames outside JUnit and the JDK.
            Arrays.stream(t.getStackTrace()).filter(frame -> frame.getClassName().startsWith("course."))
                    .limit(3).forEach(frame -> text.append("\n    at ").append(frame));
        }
        return text.toString();
    }

    /** JUnit captures the timed-out thread's stack when the time is up: where it was stuck. */
    private static void appendWhereStuck(StringBuilder text, Throwable timeout) {
        for (Throwable c = timeout; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getClass().getSimpleName().contains("Timeout") && c.getStackTrace().length > 0) {
                text.append("\n\nWhere the timed-out code was stuck:\n");
                Arrays.stream(c.getStackTrace()).limit(12).forEach(frame -> text.append("    at ").append(frame).append('\n'));
                return;
            }
        }
    }

    /** Is some thread still busy (runnable) in the code under test, twice in a row 200 ms apart? */
    static boolean codeUnderTestStillRunning() {
        for (int look = 0; look < 2; look++) {
            boolean busy = Thread.getAllStackTraces().entrySet().stream()
                    .anyMatch(e -> e.getKey().getState() == Thread.State.RUNNABLE && e.getKey() != Thread.currentThread()
                            && Arrays.stream(e.getValue()).anyMatch(FailureMessages::isCodeUnderTest));
            if (!busy) {
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return true;
    }

    private static boolean isCodeUnderTest(StackTraceElement frame) {
        return frame.getClassName().startsWith("course.") && !frame.getClassName().startsWith("course.grader");
    }

    /** A short thread dump: threads with a frame in course code, their top course frames. */
    static String threadDump() {
        StringBuilder dump = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            List<StackTraceElement> frames = Arrays.stream(info.getStackTrace()).toList();
            if (frames.stream().noneMatch(FailureMessages::isCodeUnderTest)) {
                continue;
            }
            dump.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
            if (info.getLockName() != null) {
                dump.append(" waiting for ").append(info.getLockName());
                if (info.getLockOwnerName() != null) {
                    dump.append(" held by \"").append(info.getLockOwnerName()).append('"');
                }
            }
            dump.append('\n');
            frames.stream().limit(8).forEach(f -> dump.append("    at ").append(f).append('\n'));
            if (dump.length() > 6000) {
                dump.append("...\n");
                break;
            }
        }
        return dump.isEmpty() ? "(no thread of the code under test was alive)\n" : dump.toString();
    }
}
