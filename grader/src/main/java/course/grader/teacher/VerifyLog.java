package course.grader.teacher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The verification's checks as they pass, fail or warn; printed as they come and summed up in verify.md. */
final class VerifyLog {

    private final PrintStream console;
    private final List<String> passed = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    VerifyLog(PrintStream console) {
        this.console = console;
    }

    synchronized void record(String check, boolean ok, String detail) {
        if (ok) {
            passed.add(check);
            console.println("  PASS " + check);
        } else {
            failed.add(check + "\n    " + detail);
            console.println("  FAIL " + check + "\n    " + detail);
        }
    }

    synchronized void warn(String warning) {
        warnings.add(warning);
        console.println("  WARN " + warning);
    }

    void lap(String what, long startNanos) {
        console.printf("  %s: %.0f s%n", what, (System.nanoTime() - startNanos) / 1e9);
    }

    int failures() {
        return failed.size();
    }

    String markdown(long startNanos) {
        StringBuilder report = new StringBuilder("# Verification\n\n");
        passed.forEach(p -> report.append("- PASS ").append(p).append('\n'));
        failed.forEach(f -> report.append("- FAIL ").append(f).append('\n'));
        warnings.forEach(w -> report.append("- WARN ").append(w).append('\n'));
        report.append(String.format("%n%d passed, %d failed, %d warning(s), %.0f s%n", passed.size(), failed.size(),
                warnings.size(), (System.nanoTime() - startNanos) / 1e9));
        return report.toString();
    }
}
