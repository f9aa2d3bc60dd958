package course.cpuparallel;

/** CPU-heavy work for the exercise: counting primes by trial division. Deliberately not clever. */
public final class Primes {

    private Primes() {
    }

    /** Whether {@code n} is prime, by trial division with the odd numbers up to its square root. */
    public static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (int k = 3; (long) k * k <= n; k += 2) {
            if (n % k == 0) {
                return false;
            }
        }
        return true;
    }

    /** How many primes are smaller than {@code limit} (50_000 gives 5133). */
    public static int countBelow(int limit) {
        int count = 0;
        for (int n = 2; n < limit; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }
}
