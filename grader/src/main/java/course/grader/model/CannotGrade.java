package course.grader.model;

import java.io.IOException;

/** The input cannot be graded (or exported, or verified) at all; the message says what to do. */
public final class CannotGrade extends IOException {

    public CannotGrade(String message) {
        super(message);
    }
}
