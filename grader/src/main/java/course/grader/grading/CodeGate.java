package course.grader.grading;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import course.grader.files.FileTree;
import course.grader.model.CourseModule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The static gate: the compiled student classes are read (never run) before any test, and code
 * that could reach outside its exercise — end the JVM, start processes, use reflection, class
 * loaders or stack inspection, open sockets, write or delete files, read the grader's settings —
 * makes the module score 0 with the call, where it is and why it is not allowed. Given classes
 * the student left unchanged are not checked; a module may allow more in its rubric.properties.
 */
final class CodeGate {

    static final int MAX_SHOWN = 10;

    private CodeGate() {
    }

    /** Why the compiled classes in {@code classes} may not run, or null when they may. */
    static String check(Path classes, Set<String> exemptSources, Set<String> allowed) {
        JavaClasses imported = ArchConfiguration.withThreadLocalScope(configuration -> {
            configuration.setResolveMissingDependenciesFromClassPath(false);
            return new ClassFileImporter().importPath(classes);
        });
        List<String> violations = new ArrayList<>();
        for (JavaClass type : imported) {
            if (type.getSource().flatMap(s -> s.getFileName()).filter(exemptSources::contains).isPresent()) {
                continue;
            }
            type.getRawSuperclass().flatMap(superclass -> ForbiddenCalls.forbiddenSupertype(superclass.getName()))
                    .ifPresent(why -> violations.add("class " + type.getSimpleName() + " extends " + type.getRawSuperclass()
                            .get().getSimpleName() + ": " + why));
            type.getMethods().stream().filter(m -> m.getModifiers().contains(JavaModifier.NATIVE))
                    .forEach(m -> violations.add("native method " + type.getSimpleName() + "." + m.getName()
                            + ": native code runs outside Java's checks; write it in Java"));
            for (JavaAccess<?> access : type.getAccessesFromSelf()) {
                describe(access, allowed).ifPresent(violations::add);
            }
        }
        if (violations.isEmpty()) {
            return null;
        }
        List<String> shown = violations.stream().distinct().sorted().limit(MAX_SHOWN).toList();
        return "uses what graded code may not use, so the tests were not run and every test scores 0 (for everyone's"
                + " safety the grader does not run such code):\n" + String.join("\n", shown)
                + (violations.size() > MAX_SHOWN ? "\n... and " + (violations.size() - MAX_SHOWN) + " more" : "");
    }

    private static Optional<String> describe(JavaAccess<?> access, Set<String> allowed) {
        String owner = access.getTargetOwner().getName();
        String name = access.getName();
        if (allowed.contains(owner) || allowed.contains(owner + "#" + name)) {
            return Optional.empty();
        }
        return ForbiddenCalls.why(owner, name, access.getTarget()).map(why -> "forbidden call "
                + access.getTargetOwner().getSimpleName() + (name.equals("<init>") ? " (new)" : "." + name) + " in "
                + access.getOriginOwner().getSimpleName() + "." + access.getOrigin().getName() + " (line "
                + access.getLineNumber() + "): " + why);
    }

    /**
     * Why a class of {@code classes} is outside the exercise's package (it could stand in for a class
     * of the grader or of the tests), or null when every class is inside it.
     */
    static String outsidePackage(Path classes, CourseModule module) throws IOException {
        for (Path file : FileTree.files(classes)) {
            String relative = FileTree.relative(classes, file);
            if (relative.endsWith(".class") && !relative.startsWith(module.packagePath() + "/")) {
                String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
                return "the class " + name + " is outside the exercise's package " + module.packageName()
                        + ": every class of the exercise must declare `package " + module.packageName() + ";` (a class in"
                        + " another package could stand in for a class of the grader or of the tests), so the tests"
                        + " were not run and every test scores 0";
            }
        }
        return null;
    }
}
