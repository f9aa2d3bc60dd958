package course.threadedio;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Every test class of this module has {@code @ExtendWith(NotWrittenYet.class)}: when a test meets a
 * stub's {@code UnsupportedOperationException("TODO: ...")}, on the test's thread or on one the test
 * started, the test fails with one message, "PooledDownloader.downloadAll is not written yet: TODO:
 * ...", instead of whatever the test would have said about the missing result.
 */
final class NotWrittenYet implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        for (Throwable cause = thrown, seen = null; cause != null && cause != seen; seen = cause, cause = cause.getCause()) {
            if (cause instanceof UnsupportedOperationException todo && String.valueOf(todo.getMessage()).startsWith("TODO")) {
                AssertionError notWritten = new AssertionError(where(todo) + " is not written yet: " + todo.getMessage(), todo);
                notWritten.setStackTrace(new StackTraceElement[0]);
                throw notWritten;
            }
        }
        throw thrown;
    }

    /** "PooledDownloader.downloadAll": the method that threw the TODO. */
    private static String where(Throwable todo) {
        if (todo.getStackTrace().length == 0) {
            return "this part";
        }
        StackTraceElement top = todo.getStackTrace()[0];
        String type = top.getClassName().substring(top.getClassName().lastIndexOf('.') + 1);
        return top.getMethodName().equals("<init>") ? "new " + type : type + "." + top.getMethodName();
    }
}
