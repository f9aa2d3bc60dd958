package course.asyncfetch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Set;

/**
 * The ArchUnit rule behind "never block a thread": a part's class (with its nested classes and
 * any helper class of your own in the package) may not call a method that makes a thread wait
 * (the list is {@link BlockingCalls}). Calls and method references (e.g.
 * {@code CompletableFuture::join}) both count.
 */
final class NoBlockingCalls {

    /** The classes the exercise gives you; they are not checked. */
    private static final Set<String> GIVEN = Set.of(
            "AsyncRemote", "ConcurrencyLimiter", "TaskScheduler", "SimulatedRemote", "FetchDemo", "RetryPolicy",
            "Connection", "SimulatedConnection", "PoolDemo");
    private static final Set<String> PARTS = Set.of(
            "BatchFetch", "AsyncLimiter", "CompletionOrder", "Retry", "RateLimiter", "ConnectionPool");

    static void assertNoBlockingCallsIn(Class<?> partClass) {
        String part = partClass.getSimpleName();
        DescribedPredicate<JavaClass> checked = DescribedPredicate.describe(
                part + " and your own helper classes", type -> belongsTo(type, part));
        noClasses().that(checked)
                .should().accessTargetWhere(BlockingCalls.A_BLOCKING_CALL)
                .because("async code must never make a thread wait: return a future at once and react"
                        + " to results with thenApply/thenCompose/whenComplete, and to time with the"
                        + " TaskScheduler (README: 'Never block'). The line below shows where it blocks")
                .check(BlockingCalls.importPackageOf(AsyncRemote.class));
    }

    private static boolean belongsTo(JavaClass type, String part) {
        String topLevel = type.getName().substring(type.getPackageName().length() + 1).split("\\$")[0];
        return topLevel.equals(part) || (!GIVEN.contains(topLevel) && !PARTS.contains(topLevel));
    }

    private NoBlockingCalls() {
    }
}
