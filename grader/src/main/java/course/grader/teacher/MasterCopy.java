package course.grader.teacher;

import course.grader.model.CannotGrade;
import course.grader.model.CourseModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The teacher's workflows run on the master copy: the exercise modules plus the solutions. */
final class MasterCopy {

    private MasterCopy() {
    }

    static void require(Path root) throws IOException {
        if (!Files.isDirectory(root.resolve("solutions")) || CourseModule.discover(root).isEmpty()) {
            throw new CannotGrade(root + " is not a master copy (it needs the exercise modules and solutions/):"
                    + " run this from the teacher's repository.");
        }
    }
}
