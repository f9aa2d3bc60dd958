package course.grader.grading;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles sources with the JDK's compiler, in the grader's process (compiling runs no student
 * code), bounded in size and time. Returns the compiler's own error lines: file, line, message.
 */
final class JavaCompilation {

    static final int MAX_ERRORS = 10;
    /** More source than any exercise needs by far: a bigger submission is refused, not compiled. */
    static final long MAX_SOURCE_BYTES = 4L * 1024 * 1024;
    static final Duration TIME_LIMIT = Duration.ofSeconds(120);

    static List<String> compile(List<Path> sources, List<Path> classPath, Path output, Path relativeTo) throws IOException {
        Files.createDirectories(output);
        if (sources.isEmpty()) {
            return List.of();
        }
        long bytes = 0;
        for (Path source : sources) {
            bytes += Files.size(source);
        }
        if (bytes > MAX_SOURCE_BYTES) {
            return List.of("the sources are " + bytes / 1024 / 1024 + " MB: at most " + MAX_SOURCE_BYTES / 1024 / 1024
                    + " MB are compiled (is a generated or copied file among them?)");
        }
        FutureTask<List<String>> task = new FutureTask<>(() -> run(sources, classPath, output, relativeTo));
        Thread.ofPlatform().daemon().name("compile").start(task);
        try {
            return task.get(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return List.of("compiling took longer than " + TIME_LIMIT.toSeconds() + " s and was given up");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("the compiler failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while compiling");
        }
    }

    private static List<String> run(List<Path> sources, List<Path> classPath, Path output, Path relativeTo) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IOException("this Java runtime has no compiler: run the grader with a JDK 21+, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ENGLISH, null)) {
            List<String> options = List.of(
                    "--release", "21", "-encoding", "UTF-8", "-proc:none", "-nowarn", "-g",
                    "-d", output.toString(),
                    // an empty class path would mean the working folder to javac: the output folder stands in
                    "-cp", classPath.isEmpty() ? output.toString()
                            : String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()));
            boolean ok = compiler.getTask(new StringWriter(), files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (ok) {
                return List.of();
            }
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String file = d.getSource() == null ? "?" : shortName(Path.of(d.getSource().toUri()), relativeTo);
            errors.add(file + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ENGLISH).lines().findFirst().orElse(""));
        }
        if (errors.isEmpty()) {
            errors.add("the compiler failed without an error message");
        }
        return errors.size() > MAX_ERRORS
                ? append(errors.subList(0, MAX_ERRORS), "... and " + (errors.size() - MAX_ERRORS) + " more errors")
                : errors;
    }

    private static String shortName(Path file, Path relativeTo) {
        try {
            return relativeTo.toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }

    private static List<String> append(List<String> list, String line) {
        List<String> copy = new ArrayList<>(list);
        copy.add(line);
        return copy;
    }

    private JavaCompilation() {
    }
}
