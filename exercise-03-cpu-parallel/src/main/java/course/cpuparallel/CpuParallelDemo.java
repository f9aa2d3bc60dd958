package course.cpuparallel;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * The exercise's demo: prime counts for four limits as (limit, count) pairs in input order, the
 * speedup over a plain loop, sums of squares of four large ranges, and one offloaded count.
 * Run it with {@code mvn -B -q compile exec:exec -pl <module> -Ddemo=course.cpuparallel.CpuParallelDemo}.
 */
public final class CpuParallelDemo {

    private CpuParallelDemo() {
    }

    public static void main(String[] args) {
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> limits = List.of(50_000, 60_000, 70_000, 80_000);

        try (ExecutorService cpuPool = Executors.newFixedThreadPool(cores);
             ForkJoinPool forkJoinPool = new ForkJoinPool(cores)) {
            System.out.println(OrderedParallelMap.map(limits, Primes::countBelow, cpuPool));

            Supplier<List<Pair<Integer, Integer>>> sequential =
                    () -> limits.stream().map(limit -> new Pair<>(limit, Primes.countBelow(limit))).toList();
            Supplier<List<Pair<Integer, Integer>>> parallel =
                    () -> OrderedParallelMap.map(limits, Primes::countBelow, cpuPool);
            SpeedupMeter.system().measure(sequential, parallel);   // warm-up: let the JIT compile first
            System.out.println("Prime counts: " + SpeedupMeter.system().measure(sequential, parallel).summary());

            long width = 100_000_000L;
            for (long from = 0; from < 4 * width; from += width) {
                BigInteger sum = SumOfSquares.sumOfSquares(from, from + width, forkJoinPool);
                System.out.printf("Sum of squares of [%,d, %,d): %,d%n", from, from + width, sum);
            }

            CompletableFuture<Integer> request = CompletableFuture.completedFuture(1_000_000);
            String reply = CpuOffload.offload(request, Primes::countBelow, cpuPool)
                    .thenApply(count -> "Primes below 1,000,000 (counted on the CPU pool): " + count)
                    .join();
            System.out.println(reply);
        }
    }
}
