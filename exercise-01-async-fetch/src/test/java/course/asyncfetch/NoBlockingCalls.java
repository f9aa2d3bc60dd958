package course.asyncfetch;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The ArchUnit rule behind "never block a thread": a part's class (with its nested classes and
 * any helper class of your own in the package) may not call a method that makes a thread wait.
 * Calls and method references (e.g. {@code CompletableFuture::join}) both count.
 */
final class NoBlockingCalls {

    /** The classes the exercise gives you; they are not checked. */
    private static final Set<String> GIVEN = Set.of(
            "AsyncRemote", "ConcurrencyLimiter", "TaskScheduler", "SimulatedRemote", "FetchDemo", "RetryPolicy");
    private static final Set<String> PARTS = Set.of(
            "BatchFetch", "AsyncLimiter", "CompletionOrder", "Retry", "RateLimiter");

    private static final DescribedPredicate<AccessTarget> BLOCKING =
            DescribedPredicate.describe("a blocking call", NoBlockingCalls::blocks);

    private static JavaClasses mainClasses;

    static void assertNoBlockingCallsIn(Class<?> partClass) {
        String part = partClass.getSimpleName();
        DescribedPredicate<JavaClass> checked = DescribedPredicate.describe(
                part + " and your own helper classes", type -> belongsTo(type, part));
        noClasses().that(checked)
                .should().accessTargetWhere(target(BLOCKING))
                .because("async code must never make a thread wait: return a future at once and react"
                        + " to results with thenApply/thenCompose/whenComplete, and to time with the"
                        + " TaskScheduler (README: 'Never block'). The line below shows where it blocks")
                .check(mainClasses());
    }

    private static boolean belongsTo(JavaClass type, String part) {
        String topLevel = type.getName().substring(type.getPackageName().length() + 1).split("\\$")[0];
        return topLevel.equals(part) || (!GIVEN.contains(topLevel) && !PARTS.contains(topLevel));
    }

    private static synchronized JavaClasses mainClasses() {
        if (mainClasses == null) {
            // Only the exercise's own classes: the folder (or jar) AsyncRemote was loaded from,
            // imported directly rather than by scanning the whole class path for the package.
            try {
                Path mainRoot = Path.of(AsyncRemote.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                String packageDir = AsyncRemote.class.getPackageName().replace('.', '/');
                mainClasses = new ClassFileImporter().importPath(
                        Files.isDirectory(mainRoot) ? mainRoot.resolve(packageDir) : mainRoot);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return mainClasses;
    }

    private static boolean blocks(AccessTarget target) {
        JavaClass owner = target.getOwner();
        String name = target.getName();
        List<JavaClass> parameters = target instanceof AccessTarget.CodeUnitAccessTarget codeUnit
                ? codeUnit.getRawParameterTypes() : List.of();
        boolean timed = parameters.stream().anyMatch(p -> p.isEquivalentTo(TimeUnit.class));
        return (owner.isAssignableTo(Thread.class) && (name.equals("sleep") || name.equals("join")))
                || (owner.isAssignableTo(TimeUnit.class) && (name.equals("sleep") || name.startsWith("timed")))
                || (owner.isAssignableTo(Future.class) && name.equals("get"))
                || (owner.isAssignableTo(CompletableFuture.class) && name.equals("join"))
                || (owner.isAssignableTo(ForkJoinTask.class) && (name.equals("join") || name.equals("invoke")))
                || (owner.isAssignableTo(Semaphore.class) && (name.startsWith("acquire") || (name.equals("tryAcquire") && timed)))
                || (owner.isAssignableTo(BlockingQueue.class) && (name.equals("take") || name.equals("put")
                        || ((name.equals("poll") || name.equals("offer")) && timed)))
                || (owner.isAssignableTo(CountDownLatch.class) && name.equals("await"))
                || (owner.isAssignableTo(CyclicBarrier.class) && name.equals("await"))
                || (owner.isAssignableTo(Phaser.class) && name.startsWith("awaitAdvance"))
                || (owner.isAssignableTo(Condition.class) && name.startsWith("await"))
                || (owner.isAssignableTo(LockSupport.class) && name.startsWith("park"))
                || (owner.isAssignableTo(ExecutorService.class) && (name.equals("awaitTermination")
                        || name.equals("invokeAll") || name.equals("invokeAny") || name.equals("close")))
                || (name.equals("wait") && parameters.size() <= 2 && isObjectWait(parameters));
    }

    private static boolean isObjectWait(List<JavaClass> parameters) {
        return parameters.stream().allMatch(p -> p.isEquivalentTo(long.class) || p.isEquivalentTo(int.class));
    }

    private NoBlockingCalls() {
    }
}
