import course.grader.teacher.Fixture;
import course.grader.teacher.Submissions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a class of N submissions in DIR/class to time `./grade batch` repeatably, the way verify
 * builds its submissions ({@link Submissions#make}): each is the student version with the reference
 * solution laid over it, and every fifth one also has one known-wrong fixture's mistake. Run by
 * grader/bench/class-batch.
 */
public class ClassBatch {

    /** One ordinary mistake and three races, one per module. */
    static final List<String> MISTAKES = List.of("exercise-01-async-fetch/all-fetches-at-once",
            "exercise-02-threaded-io/unsynchronized-count", "exercise-03-cpu-parallel/shared-hashmap",
            "mini-challenge/emit-outside-lock");

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        Path fixtures = root.resolve("grader/src/test/fixtures");
        for (int i = 1; i <= count; i++) {
            String student = "student-%03d".formatted(i);
            List<Path> overlays = new ArrayList<>(Submissions.solutions(root));
            if (i % 5 == 0) {
                String mistake = MISTAKES.get((i / 5 - 1) % MISTAKES.size());
                Fixture fixture = Fixture.read(fixtures.resolve(mistake), mistake.substring(0, mistake.indexOf('/')));
                overlays.add(fixture.sources(root, Files.createDirectories(dir.resolve("mistakes").resolve(student))));
                System.out.println(student + ": " + mistake);
            }
            Submissions.make(root, dir.resolve("class").resolve(student), overlays);
        }
        System.out.println(count + " submissions in " + dir.resolve("class"));
    }
}
