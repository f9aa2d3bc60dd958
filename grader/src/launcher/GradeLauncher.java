import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * The one start-up step behind {@code ./grade} and {@code grade.cmd}: finds a JDK 21+, builds the
 * grader when it is missing or older than its sources (with {@code mvn}, or the Maven Wrapper when
 * there is no {@code mvn}), then runs it with the arguments given. It runs on any JDK 11+ (it is
 * written for Java 11), so the default {@code java} may be older than the course needs.
 *
 * <p>Usage: {@code java -cp grader/target/launcher GradeLauncher COURSE_ROOT [ARGS...]}; the
 * scripts fall back to {@code java grader/src/launcher/GradeLauncher.java ...} until it is compiled
 * (it compiles itself there on first use).
 */
public final class GradeLauncher {

    private static final int MIN_JDK = 21;
    private static final int CANNOT_START = 2;

    public static void main(String[] args) throws Exception {
        Path root = Paths.get(args[0]).toAbsolutePath().normalize();
        List<String> gradeArgs = Arrays.asList(args).subList(1, args.length);
        compileSelf(root);
        String java = findJava();
        if (java == null) {
            System.err.println("grade: no JDK " + MIN_JDK + " or newer found (looked at JAVA_HOME, the PATH and the usual"
                    + " install folders). Install one (for example Temurin " + MIN_JDK + "), or set JAVA_HOME to it.");
            System.exit(CANNOT_START);
        }
        Path jar = root.resolve("grader/target/grader.jar");
        if (isStale(root, jar) && !build(root)) {
            System.exit(CANNOT_START);
        }
        List<String> command = new ArrayList<>(List.of(java, "-Dcourse.root=" + root));
        Path archive = classDataArchiveFor(java, jar);
        Path training = useClassData(archive, gradeArgs, command);
        command.addAll(List.of("-cp", jar + File.pathSeparator + root.resolve("grader/target/lib") + File.separator + "*",
                "course.grader.cli.Main"));
        command.addAll(gradeArgs);
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        try {
            keepClassData(training, archive, exit);
        } finally {
            System.exit(exit);
        }
    }

    /**
     * Class data sharing: the grader's classes (javac's among them) come from an archive that its
     * first real run writes, so every later start is faster. The archive belongs to one JDK and one
     * build of the grader (both are in its name), so a new build or another JDK makes a new one.
     */
    private static Path classDataArchiveFor(String java, Path jar) throws IOException {
        String key = java + "|" + Files.getLastModifiedTime(jar).toMillis() + "|" + Files.size(jar);
        return jar.resolveSibling("grader-" + Integer.toHexString(key.hashCode()) + ".jsa");
    }

    /**
     * Adds the class-data options to {@code command}: the archive when it exists, else (unless only
     * the help or version is asked for) an order to write one at exit into a file of this run's own,
     * which is returned; null otherwise. Set {@code GRADE_NO_CLASS_DATA} to use none.
     */
    private static Path useClassData(Path archive, List<String> gradeArgs, List<String> command) {
        if (System.getenv("GRADE_NO_CLASS_DATA") != null) {
            return null;
        }
        command.add("-Xlog:cds*=error"); // no warnings about an archive the JVM cannot use: it just runs without
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
            return null;
        }
        boolean onlyHelp = gradeArgs.stream().anyMatch(a -> a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version"));
        if (onlyHelp || !Files.isWritable(archive.getParent())) {
            return null;
        }
        Path training = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        command.add("-XX:ArchiveClassesAtExit=" + training);
        return training;
    }

    /**
     * After a run that wrote an archive: a successful run's archive is moved into place in one step
     * (so that concurrent runs never read a half-written one) and older archives are deleted; any
     * trouble here only costs the speed-up, never the run's result.
     */
    private static void keepClassData(Path training, Path archive, int exit) {
        if (training == null) {
            return;
        }
        try {
            if (exit == 0 && Files.isRegularFile(training) && !Files.exists(archive)) {
                training.toFile().setWritable(true);
                Files.move(training, archive, StandardCopyOption.ATOMIC_MOVE);
                try (DirectoryStream<Path> old = Files.newDirectoryStream(archive.getParent(), "grader*.jsa")) {
                    for (Path other : old) {
                        if (!other.equals(archive)) {
                            other.toFile().setWritable(true);
                            Files.deleteIfExists(other);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // another run's archive is in place, or a file is in use (Windows): keep what is there
        } finally {
            training.toFile().setWritable(true);
            training.toFile().delete();
        }
    }

    /** A java executable of a JDK 21+: JAVA_HOME, the PATH, then the usual install folders; or null. */
    static String findJava() throws IOException {
        List<Path> candidates = new ArrayList<>();
        String exe = windows() ? "java.exe" : "java";
        if (System.getenv("JAVA_HOME") != null) {
            candidates.add(Paths.get(System.getenv("JAVA_HOME"), "bin", exe));
        }
        candidates.add(Paths.get(System.getProperty("java.home"), "bin", exe));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Paths.get(dir, exe));
            }
        }
        String home = System.getProperty("user.home");
        for (String parent : List.of("/usr/lib/jvm", "/usr/java", "/opt/java", "/opt", home + "/.sdkman/candidates/java",
                home + "/.jdks", "/Library/Java/JavaVirtualMachines", System.getenv().getOrDefault("ProgramFiles", "C:/Program Files") + "/Java",
                System.getenv().getOrDefault("ProgramFiles", "C:/Program Files") + "/Eclipse Adoptium",
                System.getenv().getOrDefault("ProgramFiles", "C:/Program Files") + "/Microsoft")) {
            for (Path jdk : children(Paths.get(parent))) {
                candidates.add(jdk.resolve("bin").resolve(exe));
                candidates.add(jdk.resolve("Contents/Home/bin").resolve(exe));
            }
        }
        Set<Path> seen = new HashSet<>(); // /usr/bin/java and the JDK it links to are asked once
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate) && seen.add(realPath(candidate)) && majorVersion(candidate) >= MIN_JDK) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    /**
     * The feature version a JDK's {@code release} file names ({@code JAVA_VERSION="21.0.2"}: 21), for
     * the {@code java} in its bin folder; 0 when there is no such file. Reading it costs no JVM start.
     */
    static int releaseVersion(Path java) {
        Path home = java.toAbsolutePath().getParent() == null ? null : java.toAbsolutePath().getParent().getParent();
        Path release = home == null ? null : home.resolve("release");
        if (release == null || !Files.isRegularFile(release)) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String[] parts = line.substring("JAVA_VERSION=".length()).replace("\"", "").trim().split("[._+-]");
                    return Integer.parseInt(parts[0].equals("1") && parts.length > 1 ? parts[1] : parts[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // unreadable: ask the java itself
        }
        return 0;
    }

    private static List<Path> children(Path dir) throws IOException {
        List<Path> children = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                stream.forEach(children::add);
            }
        }
        children.sort(null);
        return children;
    }

    /** The java.specification.version of {@code java}'s runtime (e.g. 21), or 0. */
    static int majorVersion(Path java) {
        try {
            int fromRelease = releaseVersion(realPath(java));
            if (fromRelease > 0) {
                return fromRelease;
            }
            Process process = new ProcessBuilder(java.toString(), "-XshowSettings:properties", "-version")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            for (String line : output.split("\\R")) {
                String trimmed = line.trim();
                if (trimmed.startsWith("java.specification.version = ")) {
                    return Integer.parseInt(trimmed.substring("java.specification.version = ".length()).split("\\.")[0]);
                }
            }
        } catch (IOException | InterruptedException | NumberFormatException e) {
            // not a usable java
        }
        return 0;
    }

    /** Is the grader's jar missing, or older than a source of the grader or a pom? */
    static boolean isStale(Path root, Path jar) throws IOException {
        if (!Files.isRegularFile(jar) || !Files.isDirectory(root.resolve("grader/target/lib"))) {
            return true;
        }
        FileTime built = Files.getLastModifiedTime(jar);
        List<Path> sources = new ArrayList<>(List.of(root.resolve("pom.xml"), root.resolve("grader/pom.xml")));
        try (Stream<Path> walk = Files.walk(root.resolve("grader/src/main"))) {
            walk.filter(Files::isRegularFile).forEach(sources::add);
        }
        for (Path source : sources) {
            if (Files.isRegularFile(source) && Files.getLastModifiedTime(source).compareTo(built) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Builds the grader with mvn, or the Maven Wrapper when there is no mvn; false (and why) when it failed. */
    static boolean build(Path root) throws IOException, InterruptedException {
        System.err.println("grade: building the grader (first run only, about a minute)...");
        Path log = root.resolve("grader-build.log");
        List<String> command = new ArrayList<>(maven(root));
        command.addAll(List.of("-B", "-q", "-pl", "grader", "-am", "package", "-DskipTests"));
        int exit = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start().waitFor();
        if (exit != 0) {
            List<String> lines = Files.readAllLines(log);
            System.err.println("grade: could not build the grader; the last lines of grader-build.log:");
            lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(System.err::println);
            return false;
        }
        Files.deleteIfExists(log);
        return true;
    }

    /** mvn from the PATH, else the course's Maven Wrapper. */
    private static List<String> maven(Path root) {
        String mvn = windows() ? "mvn.cmd" : "mvn";
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Paths.get(dir, mvn))) {
                return List.of(Paths.get(dir, mvn).toString());
            }
        }
        Path wrapper = root.resolve(windows() ? "mvnw.cmd" : "mvnw");
        return windows() ? List.of("cmd", "/c", wrapper.toString()) : List.of("sh", wrapper.toString());
    }

    /** Compiles this launcher into grader/target/launcher for the next start, when its class is missing or stale. */
    private static void compileSelf(Path root) throws IOException {
        Path source = root.resolve("grader/src/launcher/GradeLauncher.java");
        Path compiled = root.resolve("grader/target/launcher/GradeLauncher.class");
        if (!Files.isRegularFile(source) || Files.isRegularFile(compiled)
                && Files.getLastModifiedTime(compiled).compareTo(Files.getLastModifiedTime(source)) >= 0) {
            return;
        }
        var javac = ToolProvider.getSystemJavaCompiler();
        if (javac != null) {
            Files.createDirectories(compiled.getParent());
            javac.run(null, null, null, "--release", "11", "-d", compiled.getParent().toString(), source.toString());
        }
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }
}
