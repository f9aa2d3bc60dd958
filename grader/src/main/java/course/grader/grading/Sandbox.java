package course.grader.grading;

import course.grader.files.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The operating system's layer of isolation around each test JVM, the strongest the machine allows:
 * <ul>
 * <li><b>bubblewrap</b> (Linux, {@code bwrap}): the JVM sees the system read-only, the JDK, its
 * runtime, the tests and the compiled code read-only, one writable scratch folder and a private
 * /tmp; no network, its own PID namespace, and everything it starts dies with it;</li>
 * <li><b>unprivileged user</b> (running as root where namespaces are refused, as in some
 * containers): the JVM runs as user {@value #NOBODY} (nobody), which can read the course but write
 * only its scratch folder; what it left running is killed afterwards;</li>
 * <li><b>none</b>: a student's own machine without either (their own score is theirs to fool).</li>
 * </ul>
 */
final class Sandbox {

    /** The kinds of isolation, strongest first. */
    enum Kind {
        BUBBLEWRAP("bubblewrap (read-only system, private scratch folder, no network, own PID namespace)"),
        UNPRIVILEGED_USER("an unprivileged user (nobody): writes only its scratch folder"),
        NONE("none: no sandbox on this machine (install bubblewrap for one)");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    static final int NOBODY = 65534;
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(10);

    private final Kind kind;
    private final Instant since = Instant.now();

    private Sandbox(Kind kind) {
        this.kind = kind;
    }

    /** The strongest isolation this machine allows (bubblewrap is tried once, with a real sandbox). */
    static Sandbox detect() {
        if (onPath("bwrap") && probe(List.of("bwrap", "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true"))) {
            return new Sandbox(Kind.BUBBLEWRAP);
        }
        if (isRoot() && onPath("setpriv")) {
            return new Sandbox(Kind.UNPRIVILEGED_USER);
        }
        return new Sandbox(Kind.NONE);
    }

    /** The unprivileged-user fallback where it is possible (root, with setpriv), else null. */
    static Sandbox unprivilegedUser() {
        return isRoot() && onPath("setpriv") ? new Sandbox(Kind.UNPRIVILEGED_USER) : null;
    }

    /** No isolation, whatever the machine has (for a test of the grader itself). */
    static Sandbox none() {
        return new Sandbox(Kind.NONE);
    }

    Kind kind() {
        return kind;
    }

    /**
     * The command that runs {@code command} with {@code scratch} as its working and only writable
     * folder, seeing {@code readOnly} (and the JDK of {@code java}) besides the system.
     */
    List<String> wrap(List<String> command, Path scratch, List<Path> readOnly, Path java) throws IOException {
        return switch (kind) {
            case BUBBLEWRAP -> bubblewrap(command, scratch, readOnly, java);
            case UNPRIVILEGED_USER -> unprivileged(command, scratch, readOnly);
            case NONE -> command;
        };
    }

    private static List<String> bubblewrap(List<String> command, Path scratch, List<Path> readOnly, Path java) {
        List<String> wrapped = new ArrayList<>(List.of("bwrap", "--die-with-parent", "--new-session", "--unshare-all",
                "--cap-drop", "ALL", "--ro-bind", "/usr", "/usr"));
        for (String top : List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc")) {
            Path path = Path.of(top);
            if (Files.isSymbolicLink(path)) {
                wrapped.addAll(List.of("--symlink", readLink(path), top));
            } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                wrapped.addAll(List.of("--ro-bind", top, top));
            }
        }
        Path jdk = java.toAbsolutePath().getParent().getParent();
        wrapped.addAll(List.of("--ro-bind", jdk.toString(), jdk.toString(), "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        for (Path path : readOnly) {
            wrapped.addAll(List.of("--ro-bind", path.toString(), path.toString()));
        }
        wrapped.addAll(List.of("--bind", scratch.toString(), scratch.toString(), "--chdir", scratch.toString(), "--clearenv",
                "--setenv", "HOME", scratch.toString(), "--setenv", "LANG", "C.UTF-8", "--setenv", "PATH", "/usr/bin:/bin", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static List<String> unprivileged(List<String> command, Path scratch, List<Path> readOnly) throws IOException {
        Files.setAttribute(scratch, "unix:uid", NOBODY);
        Files.setAttribute(scratch, "unix:gid", NOBODY);
        for (Path path : readOnly) {
            readableByAll(path);
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
                "--inh-caps=-all", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** After a run: what the unprivileged user left running (a detached process, say) is killed. */
    void cleanUp() {
        if (kind != Kind.UNPRIVILEGED_USER) {
            return;
        }
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(p -> p.info().user().filter(u -> u.equals("nobody") || u.equals(String.valueOf(NOBODY))).isPresent())
                    .filter(p -> p.info().startInstant().filter(start -> !start.isBefore(since)).isPresent())
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void readableByAll(Path root) throws IOException {
        for (Path p = root; p != null && p.getParent() != null; p = p.getParent()) {
            addPermissions(p, Set.of(PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_READ));
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                addPermissions(p, Files.isDirectory(p) ? Set.of(PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_READ)
                        : Set.of(PosixFilePermission.OTHERS_READ));
            }
        }
    }

    private static void addPermissions(Path path, Set<PosixFilePermission> added) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (!permissions.containsAll(added)) {
            Set<PosixFilePermission> more = new java.util.HashSet<>(permissions);
            more.addAll(added);
            Files.setPosixFilePermissions(path, more);
        }
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return link.toString();
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    private static boolean isRoot() {
        try {
            return "0".equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString());
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean probe(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Processes.Outcome outcome = Processes.run(builder, PROBE_LIMIT);
            return !outcome.timedOut() && outcome.exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
