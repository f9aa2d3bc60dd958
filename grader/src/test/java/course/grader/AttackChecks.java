package course.grader;

import static org.assertj.core.api.Assertions.assertThat;

import course.grader.files.FileTree;
import course.grader.report.Results;
import course.grader.report.Results.ModuleResult;
import java.nio.file.Files;
import java.nio.file.Path;

/** What each attack must leave in the reports, beyond the checks every attack gets. */
final class AttackChecks {

    private AttackChecks() {
    }

    static void specific(String attack, Results teacher, Path studentOut) throws Exception {
        ModuleResult module = teacher.modules().get(0);
        String said = (module.problem() == null ? "" : module.problem()) + "\n"
                + String.join("\n", module.tests().stream().map(Results.TestResult::message).toList());
        switch (attack) {
            case "runner-replacement" -> assertThat(module.problem()).as("what the grader says")
                    .contains("outside the exercise's package").contains("course.grader.runner.TestRunner");
            case "html-in-message" -> {
                String summary = Files.readString(studentOut.resolve("summary.md"));
                assertThat(summary).as("summary.md").doesNotContain("<img").doesNotContain("<script")
                        .doesNotContain("](http").contains("&lt;img");
            }
            case "endless-shutdown-hook" -> assertThat(said).as("what the grader says")
                    .containsAnyOf("did not finish exiting", "forbidden call Runtime.addShutdownHook");
            case "test-like-names" -> assertThat(teacher.notUsed()).as("the files not used")
                    .contains("exercise-01-async-fetch/src/main/java/course/asyncfetch/BatchFetchEdgeCasesTest.java"
                            + " (named like a test class: tests go in src/test/java)")
                    .contains("exercise-01-async-fetch/src/main/java/course/asyncfetch/MadeUpTest.java"
                            + " (named like a test class: tests go in src/test/java)");
            case "extra-junit-xml" -> {
                assertThat(FileTree.files(studentOut.resolve("junit"))).extracting(p -> p.getFileName().toString())
                        .containsOnly("TEST-junit-jupiter.xml");
                for (Path xml : FileTree.files(studentOut.resolve("junit"))) {
                    assertThat(Files.readString(xml)).doesNotContain("forged");
                }
            }
            case "reads-hidden-tests" -> assertThat(module.tests().isEmpty() || module.tests().stream()
                    .anyMatch(Results.TestResult::hidden)).as("the hidden tests stay hidden (or the gate stopped the run)").isTrue();
            default -> {
                // the checks every attack gets are enough
            }
        }
    }
}
