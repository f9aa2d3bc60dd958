package course.grader.grading;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles sources with the JDK's compiler, in the grader's process (compiling runs no student
 * code). Returns the compiler's own error lines: file, line, message.
 */
final class JavaCompilation {

    static final int MAX_ERRORS = 10;

    static List<String> compile(List<Path> sources, List<Path> classPath, Path output, Path relativeTo) throws IOException {
        Files.createDirectories(output);
        if (sources.isEmpty()) {
            return List.of();
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IOException("this Java runtime has no compiler: run the grader with a JDK 21+, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ENGLISH, null)) {
            List<String> options = List.of(
                    "--release", "21", "-encoding", "UTF-8", "-proc:none", "-nowarn", "-g",
                    "-d", output.toString(),
                    "-cp", String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()));
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
