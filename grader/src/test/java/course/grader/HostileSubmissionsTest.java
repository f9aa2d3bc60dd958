package course.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import course.grader.files.FileTree;
import course.grader.grading.GradeRequest;
import course.grader.grading.GradingService;
import course.grader.report.ReportFiles;
import course.grader.report.Results;
import course.grader.report.Results.TestResult;
import course.grader.teacher.Batch;
import course.grader.teacher.Fixture;
import course.grader.teacher.Gradebook;
import course.grader.teacher.Submissions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Attacks on the grader (grader/src/test/attack-fixtures: stub-level submissions with a hostile
 * payload) graded as students' submissions: each earns nothing, no hidden test's name or text
 * reaches what students see, the teacher's copy is byte-identical afterwards, nothing the grading
 * started is still running, and the reports are not changed after the grader wrote them. Each
 * attack is graded with every layer, and again with each layer that on its own must stop it
 * ({@code stoppedBy}): the static gate, the OS sandbox, the structure (class path, package check,
 * signed events, reports built from the results) — with {@code -Dattack.layers=each}.
 */
@DisplayName("Hostile submissions earn nothing, see no hidden test and leave nothing behind")
@Timeout(300)
class HostileSubmissionsTest {

    static final Path ATTACKS = CourseGrading.ROOT.resolve("grader/src/test/attack-fixtures");
    static final String EX1 = "exercise-01-async-fetch";
    /**
     * Every layer on its own too ({@code -Dattack.layers=each}, a step of .ci/run): about two minutes.
     * By default ({@code mvn test}) each attack meets all the layers at once.
     */
    static final boolean EACH_LAYER = "each".equals(System.getProperty("attack.layers"));

    /** The layers of one grading. */
    enum Layers {
        ALL(true, true), GATE(true, false), SANDBOX(false, true), USER(false, true), STRUCTURE(false, false);

        final boolean gate;
        final boolean sandbox;

        Layers(boolean gate, boolean sandbox) {
            this.gate = gate;
            this.sandbox = sandbox;
        }
    }

    static Path region;
    static Path master;
    static GradingService withSandbox;
    static GradingService withoutSandbox;
    /** The fallback for machines that refuse namespaces: tests run as nobody (null where not root). */
    static GradingService asNobody;

    @BeforeAll
    static void copyTheCourse() throws IOException {
        // Everything the attacks look for is marked ATTACK-TARGET; the real repository never is.
        region = Files.createTempDirectory("ATTACK");
        Files.writeString(region.resolve("ATTACK-TARGET"), "");
        master = region.resolve("master");
        FileTree.copyTree(CourseGrading.ROOT, master, relative -> !relative.contains("target/") && !relative.startsWith(".git/"));
        withSandbox = new GradingService();
        withoutSandbox = GradingService.withoutSandbox();
        asNobody = GradingService.asUnprivilegedUser();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        withSandbox.close();
        withoutSandbox.close();
        if (asNobody != null) {
            asNobody.close();
        }
        if (System.getProperty("attack.keep") == null) {
            FileTree.deleteRecursively(region);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachAttackIsStoppedByEveryLayerMeantToStopIt() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Fixture attack : Fixture.crashes(ATTACKS)) {
            if (property(attack, "batch").equals("true")
                    || !System.getProperty("attack.only", attack.id()).equals(attack.id())) {
                continue;
            }
            List<Layers> configurations = new ArrayList<>(List.of(Layers.ALL));
            if (EACH_LAYER) {
                Arrays.stream(property(attack, "stoppedBy").split(",")).map(String::strip)
                        .forEach(layer -> configurations.add(Layers.valueOf(layer.toUpperCase())));
                if (configurations.contains(Layers.SANDBOX)) {
                    configurations.add(Layers.USER); // the other kind of sandbox must stop it too
                }
            }
            for (Layers layers : configurations) {
                tests.add(DynamicTest.dynamicTest(attack.id() + " with " + layers, () -> check(attack, layers)));
            }
        }
        return tests.stream();
    }

    private static void check(Fixture attack, Layers layers) throws Exception {
        assumeTrue(!layers.sandbox || !withSandbox.isolation().startsWith("none"), "no OS sandbox on this machine");
        assumeTrue(layers != Layers.USER || asNobody != null, "not root: no unprivileged user to run the tests as");
        Path here = Files.createTempDirectory(region, attack.id());
        Path submission = Submissions.make(master, here.resolve("submission"), List.of(attack.sources(master, here.resolve("src"))));
        String masterBefore = hash(master);
        Results teacher = grade(layers, submission, here.resolve("teacher"), false);
        ReportFiles.writeAll(teacher, here.resolve("student"), false); // the student view of the same run
        String reportsAfterGrading = hash(here.resolve("teacher")) + hash(here.resolve("student"));
        waitForAnythingLeftBehind();

        assertThat(teacher.earned()).as("%s earns nothing (the stubs score 0)", attack.id()).isZero();
        assertThat(hash(master)).as("the teacher's copy after grading %s", attack.id()).isEqualTo(masterBefore);
        assertThat(region.resolve("PWNED")).doesNotExist();
        assertThat(hash(here.resolve("teacher")) + hash(here.resolve("student"))).as("the reports, after the grading ended")
                .isEqualTo(reportsAfterGrading);
        assertThat(leftBehind()).as("processes the grading of %s left running", attack.id()).isEmpty();
        assertNoHiddenTestIn(here.resolve("student"), teacher);
        AttackChecks.specific(attack.id(), teacher, here.resolve("student"));
    }

    @TestFactory
    Stream<DynamicTest> aVandalInABatchTouchesNoOtherStudent() throws IOException {
        return Fixture.crashes(ATTACKS).stream().filter(a -> property(a, "batch").equals("true"))
                .map(attack -> DynamicTest.dynamicTest(attack.id(), () -> checkBatch(attack)));
    }

    private static void checkBatch(Fixture attack) throws Exception {
        Path here = Files.createTempDirectory(region, attack.id());
        Path submissions = here.resolve("submissions");
        Submissions.make(master, submissions.resolve("alice"), Submissions.solutions(master));
        Submissions.make(master, submissions.resolve("mallory"), List.of(attack.sources(master, here.resolve("src"))));
        Submissions.make(master, submissions.resolve("zed"), List.of());
        String others = hash(submissions.resolve("alice")) + hash(submissions.resolve("zed"));
        Batch batch = new Batch(master, 1, GradeRequest.DEFAULT_TIME_LIMIT, true, new PrintStream(OutputStream.nullOutputStream()));
        List.of("alice", "mallory", "zed").forEach(s -> batch.onlyModules(s, List.of(EX1)));

        List<Gradebook.Row> rows = batch.run(submissions, here.resolve("out"));
        String reports = hash(here.resolve("out/students/alice")) + hash(here.resolve("out/students/zed"));
        String gradebook = Files.readString(here.resolve("out/gradebook.csv"));
        waitForAnythingLeftBehind();

        assertThat(rows).extracting(Gradebook.Row::total).as("alice, mallory, zed").containsExactly(100.0, 0.0, 0.0);
        assertThat(hash(submissions.resolve("alice")) + hash(submissions.resolve("zed"))).as("the other submissions").isEqualTo(others);
        assertThat(hash(here.resolve("out/students/alice")) + hash(here.resolve("out/students/zed")))
                .as("the other students' reports, after the batch ended").isEqualTo(reports);
        assertThat(Files.readString(here.resolve("out/gradebook.csv"))).as("the gradebook after the batch ended").isEqualTo(gradebook)
                .contains("alice,100");
        assertThat(leftBehind()).as("processes the batch left running").isEmpty();
    }

    private static Results grade(Layers layers, Path submission, Path out, boolean studentView) {
        GradeRequest request = GradeRequest.of(master).withSubmission(submission).withOut(out).withModules(List.of(EX1))
                .withStudentView(studentView).withStaticGate(layers.gate).withTimeLimit(Duration.ofSeconds(150));
        try {
            GradingService service = layers == Layers.USER ? asNobody : layers.sandbox ? withSandbox : withoutSandbox;
            return service.grade(request, new PrintStream(OutputStream.nullOutputStream()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** No hidden test's class, method or display name, nor a longer string of its source, in any student-view file. */
    private static void assertNoHiddenTestIn(Path studentOut, Results teacher) throws IOException {
        Set<String> secrets = teacher.modules().stream().flatMap(m -> m.tests().stream()).filter(TestResult::hidden)
                .flatMap(t -> Stream.of(t.className().substring(t.className().lastIndexOf('.') + 1), t.method(), t.displayName()))
                .filter(s -> s.length() >= 6).collect(Collectors.toSet());
        for (Path file : FileTree.files(studentOut)) {
            String text = Files.readString(file);
            assertThat(secrets).as("hidden test names in the student's %s", studentOut.relativize(file))
                    .noneMatch(secret -> text.contains(secret) && !visibleToo(secret, teacher) && !ownFileName(secret, teacher));
        }
    }

    /** A name the student gave a file of their own (listed back to them as not used) is theirs, not a leak. */
    private static boolean ownFileName(String name, Results teacher) {
        return teacher.notUsed().stream().anyMatch(file -> file.contains(name));
    }

    /** A name a visible test shows too (a shared method name, a display name that starts another's) gives nothing away. */
    private static boolean visibleToo(String name, Results teacher) {
        return teacher.modules().stream().flatMap(m -> m.tests().stream()).filter(t -> !t.hidden())
                .anyMatch(t -> t.method().contains(name) || t.displayName().contains(name) || t.className().contains(name));
    }

    /** Gives a process left behind (a detached "sleep 3; rewrite ...") the time to do its harm, if it could. */
    private static void waitForAnythingLeftBehind() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < until && !leftBehind().isEmpty()) {
            Thread.sleep(100); // waiting for a hostile process to act, not for the code under test
        }
    }

    private static List<String> leftBehind() {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(ProcessHandle::isAlive).map(p -> p.info().commandLine().orElse(""))
                    .filter(line -> line.contains("613.21") || line.contains("ATTACK-TARGET") || line.contains("gradebook.csv"))
                    .toList();
        }
    }

    static String hash(Path dir) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Map<String, Path> files = new TreeMap<>();
        for (Path file : FileTree.files(dir)) {
            files.put(FileTree.relative(dir, file), file);
        }
        for (var entry : files.entrySet()) {
            digest.update(entry.getKey().getBytes());
            digest.update(Files.readAllBytes(entry.getValue()));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String property(Fixture fixture, String key) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(fixture.dir().resolve(Fixture.PROPERTIES))) {
            properties.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties.getProperty(key, "").strip();
    }
}
