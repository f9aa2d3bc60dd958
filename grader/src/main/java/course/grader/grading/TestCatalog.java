package course.grader.grading;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tags (part, points) of every test method, read from the compiled tests before any test runs
 * (never from what the test JVM says: the code under test runs there), so which part a test counts
 * for and what it is worth come from the course's own tests. Tags on a class, its enclosing class
 * and its superclasses count for its methods, as in JUnit.
 */
final class TestCatalog {

    private static final String TAG = "org.junit.jupiter.api.Tag";
    private static final String TAGS = "org.junit.jupiter.api.Tags";

    private final Map<String, Set<String>> tagsByMethod;
    private final Map<String, Set<String>> namesByClass;

    private TestCatalog(Map<String, Set<String>> tagsByMethod, Map<String, Set<String>> namesByClass) {
        this.tagsByMethod = tagsByMethod;
        this.namesByClass = namesByClass;
    }

    static TestCatalog read(Path testClasses) {
        JavaClasses classes = ArchConfiguration.withThreadLocalScope(configuration -> {
            configuration.setResolveMissingDependenciesFromClassPath(false);
            return new ClassFileImporter().importPath(testClasses);
        });
        Map<String, Set<String>> tags = new HashMap<>();
        Map<String, Set<String>> names = new HashMap<>();
        for (JavaClass type : classes) {
            Set<String> ofClass = classTags(type);
            Set<String> ownNames = names.computeIfAbsent(type.getName().split("\\$")[0], k -> new HashSet<>());
            ownNames.add(type.getSimpleName());
            displayName(type).ifPresent(ownNames::add);
            type.getMethods().forEach(method -> {
                Set<String> all = new HashSet<>(ofClass);
                all.addAll(tagsOf(method));
                tags.put(type.getName() + "#" + method.getName(), all);
                ownNames.add(method.getName());
                displayName(method).ifPresent(ownNames::add);
            });
        }
        return new TestCatalog(tags, names);
    }

    /**
     * The names a top-level test class gives away: its own and its nested classes' simple names,
     * method names and display names (to keep a hidden test's out of what students see).
     */
    Set<String> namesOf(String topLevelClass) {
        return namesByClass.getOrDefault(topLevelClass, Set.of());
    }

    private static Optional<String> displayName(HasAnnotations<?> element) {
        return element.getAnnotations().stream().filter(a -> a.getRawType().getName().equals("org.junit.jupiter.api.DisplayName"))
                .findFirst().flatMap(a -> a.get("value")).map(Object::toString);
    }

    /** The tags of {@code className}'s method {@code method}, if the compiled tests have it. */
    Optional<Set<String>> tags(String className, String method) {
        return Optional.ofNullable(tagsByMethod.get(className + "#" + method));
    }

    private static Set<String> classTags(JavaClass type) {
        Set<String> tags = new HashSet<>(tagsOf(type));
        type.getRawSuperclass().ifPresent(superclass -> tags.addAll(tagsOf(superclass)));
        type.getEnclosingClass().ifPresent(outer -> tags.addAll(classTags(outer)));
        return tags;
    }

    private static Set<String> tagsOf(HasAnnotations<?> element) {
        Set<String> tags = new HashSet<>();
        for (JavaAnnotation<?> annotation : element.getAnnotations()) {
            String type = annotation.getRawType().getName();
            if (type.equals(TAG)) {
                annotation.get("value").ifPresent(value -> tags.add(value.toString()));
            } else if (type.equals(TAGS)) {
                annotation.get("value").filter(JavaAnnotation[].class::isInstance)
                        .ifPresent(all -> { for (JavaAnnotation<?> tag : (JavaAnnotation<?>[]) all) {
                            tag.get("value").ifPresent(value -> tags.add(value.toString()));
                        } });
            }
        }
        return tags;
    }
}
