package course.asyncfetch;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;

/**
 * The calls that make a thread wait, for the "never block" ArchUnit rules.
 *
 * <p>Every module with such a rule has this same file, apart from its package line (the grader's
 * {@code BlockingCallListIdenticalTest} checks it): change one copy, change them all.
 *
 * <p>A call counts on any subtype of the type listed ({@code LinkedBlockingQueue.take},
 * {@code ThreadPoolExecutor.close}) and as a method reference ({@code CompletableFuture::join}).
 * The JDK's classes are looked up by reflection instead of being imported by ArchUnit: importing
 * them took over 5 s on a busy machine. So import the code under test with
 * {@link #importPackageOf(Class)}.
 */
final class BlockingCalls {

    /** Methods that make the caller wait whatever their arguments. */
    private static final Map<Class<?>, Set<String>> ALWAYS = Map.ofEntries(
            Map.entry(Thread.class, Set.of("sleep", "join")),
            Map.entry(TimeUnit.class, Set.of("sleep", "timedJoin", "timedWait")),
            Map.entry(Future.class, Set.of("get")),
            Map.entry(CompletableFuture.class, Set.of("join")),
            Map.entry(ForkJoinTask.class, Set.of("join", "invoke")),
            Map.entry(Semaphore.class, Set.of("acquire", "acquireUninterruptibly")),
            Map.entry(BlockingQueue.class, Set.of("take", "put")),
            Map.entry(CountDownLatch.class, Set.of("await")),
            Map.entry(CyclicBarrier.class, Set.of("await")),
            Map.entry(Phaser.class, Set.of("awaitAdvance", "awaitAdvanceInterruptibly", "arriveAndAwaitAdvance")),
            Map.entry(Condition.class, Set.of("await", "awaitNanos", "awaitUninterruptibly", "awaitUntil")),
            Map.entry(LockSupport.class, Set.of("park", "parkNanos", "parkUntil")),
            Map.entry(ExecutorService.class, Set.of("awaitTermination", "invokeAll", "invokeAny", "close")));

    /** Methods that wait only in their timed form (the one that takes a {@link TimeUnit}). */
    private static final Map<Class<?>, Set<String>> TIMED = Map.ofEntries(
            Map.entry(Semaphore.class, Set.of("tryAcquire")),
            Map.entry(BlockingQueue.class, Set.of("poll", "offer")));

    /** Any call or method reference to one of the methods above (and {@code Object.wait}). */
    static final DescribedPredicate<JavaAccess<?>> A_BLOCKING_CALL = DescribedPredicate.describe(
            "a method that parks the calling thread (sleep, join, get, acquire, take/put, timed poll/offer/"
                    + "tryAcquire, await, wait, park, invoke, awaitTermination, close of an executor)",
            access -> blocks(access.getTarget()));

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    /** Whether calling {@code target} can make the calling thread wait. */
    static boolean blocks(AccessTarget target) {
        String name = target.getName();
        List<String> parameters = target instanceof AccessTarget.CodeUnitAccessTarget codeUnit
                ? codeUnit.getRawParameterTypes().stream().map(JavaClass::getName).toList()
                : List.of();
        if (name.equals("wait") && parameters.size() <= 2
                && parameters.stream().allMatch(p -> p.equals("long") || p.equals("int"))) {
            return true; // Object.wait(), wait(long), wait(long, int), on whatever object
        }
        Class<?> owner = loadedOrNull(target.getOwner().getName());
        if (owner == null) {
            return false;
        }
        boolean timed = parameters.contains(TimeUnit.class.getName());
        return listed(ALWAYS, owner, name) || (timed && listed(TIMED, owner, name));
    }

    /**
     * The main classes of {@code mainClass}'s package (and its subpackages), imported from the folder
     * or jar that class was loaded from, without importing the JDK classes they use. Imported once.
     */
    static JavaClasses importPackageOf(Class<?> mainClass) {
        URL codeSource = mainClass.getProtectionDomain().getCodeSource().getLocation();
        String packagePath = "/" + mainClass.getPackageName().replace('.', '/') + "/";
        return IMPORTED.computeIfAbsent(codeSource + packagePath, key ->
                ArchConfiguration.withThreadLocalScope(configuration -> {
                    configuration.setResolveMissingDependenciesFromClassPath(false);
                    return new ClassFileImporter()
                            .withImportOption(location -> location.contains(packagePath))
                            .importUrl(codeSource);
                }));
    }

    private static boolean listed(Map<Class<?>, Set<String>> methods, Class<?> owner, String name) {
        return methods.entrySet().stream()
                .anyMatch(entry -> entry.getValue().contains(name) && entry.getKey().isAssignableFrom(owner));
    }

    private static Class<?> loadedOrNull(String className) {
        try {
            return Class.forName(className, false, BlockingCalls.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private BlockingCalls() {
    }
}
