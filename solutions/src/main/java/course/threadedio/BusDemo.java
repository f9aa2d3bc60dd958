package course.threadedio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Part F's demo: three publisher threads wait for one "ready" signal, then publish five orders
 * each on an event bus with three subscribers (one slow, one that fails on one order). Run it with
 * {@code mvn -q compile exec:exec -pl exercise-02-threaded-io -Ddemo=course.threadedio.BusDemo}.
 */
public final class BusDemo {

    private static final int PUBLISHERS = 3;
    private static final int ORDERS_EACH = 5;

    private BusDemo() {
    }

    public static void main(String[] args) throws Exception {
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory subscriberThreads = task -> new Thread(task, "subscriber-" + threadNumber.incrementAndGet());
        List<DeliveryFailure> failures = new CopyOnWriteArrayList<>();
        EventBus<String> bus = new EventBus<>(subscriberThreads, failures::add);

        Map<String, List<String>> received = new ConcurrentHashMap<>();
        for (String name : List.of("audit", "slow-mailer", "flaky")) {
            received.put(name, new CopyOnWriteArrayList<>());
        }
        bus.subscribe("audit", order -> received.get("audit").add(order));
        bus.subscribe("slow-mailer", order -> {
            Thread.sleep(5); // a slow mail server: the others do not wait for it
            received.get("slow-mailer").add(order);
        });
        bus.subscribe("flaky", order -> {
            if (order.equals("order-2-3")) {
                throw new IllegalStateException("cannot handle " + order);
            }
            received.get("flaky").add(order);
        });

        OneShotSignal ready = new OneShotSignal();
        List<Thread> publishers = new ArrayList<>();
        for (int p = 1; p <= PUBLISHERS; p++) {
            int publisher = p;
            publishers.add(Thread.ofPlatform().name("publisher-" + p).start(() -> {
                try {
                    if (ready.await(Duration.ofSeconds(5))) { // every publisher starts at the same signal
                        for (int n = 1; n <= ORDERS_EACH; n++) {
                            bus.publish("order-" + publisher + "-" + n);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        ready.set();
        for (Thread publisher : publishers) {
            publisher.join();
        }
        bus.shutdown();
        boolean stopped = bus.terminated().await(Duration.ofSeconds(5));

        System.out.println("Published: " + PUBLISHERS * ORDERS_EACH);
        received.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> System.out.println(
                entry.getKey() + " received " + entry.getValue().size() + ", each publisher's in order: "
                        + inOrderPerPublisher(entry.getValue())));
        failures.forEach(failure -> System.out.println(
                "Reported: " + failure.subscriber() + " failed on " + failure.event() + ": " + failure.error().getMessage()));
        System.out.println("All subscriber threads stopped: " + stopped);
    }

    /** Whether the orders of each publisher ("order-P-N") come in the order P published them. */
    private static boolean inOrderPerPublisher(List<String> orders) {
        Map<String, Integer> last = new ConcurrentHashMap<>();
        for (String order : orders) {
            String[] parts = order.split("-");
            int n = Integer.parseInt(parts[2]);
            if (last.getOrDefault(parts[1], 0) >= n) {
                return false;
            }
            last.put(parts[1], n);
        }
        return true;
    }
}
