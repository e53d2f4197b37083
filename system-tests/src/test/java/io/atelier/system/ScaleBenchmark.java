package io.atelier.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.atelier.stack.LocalStack;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scaling benchmark (bench/scale.sh; never part of the build: its name is no test's and it needs
 * -Datelier.bench=scale): 1, 2 and 4 render workers as separate processes on generative steps whose cost is
 * waiting (the OpenAI Images fake answers in a fixed 500 ms), sessions spread evenly over the session log's
 * partitions; then a worker joins and another leaves mid-load, and every accepted instruction must have exactly
 * one terminal event. Also one session on one worker with a built-in step: what one partition can carry.
 * Writes its section of docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "atelier.bench", matches = "scale")
@ExtendWith(RunningStack.class)
class ScaleBenchmark {
    private static final Duration PROVIDER = Duration.ofMillis(500);
    private static final String GENERATIVE = "put a croissant on the table";
    private static final String BUILT_IN = "make it 20% brighter";
    private static final String GROUP = "atelier-render-workers";
    private static final int PER_PARTITION = Integer.getInteger("atelier.bench.sessions-per-partition", 2);
    private static final int ROUNDS = Integer.getInteger("atelier.bench.rounds", 3);
    private static final int BUILT_IN_STEPS = Integer.getInteger("atelier.bench.built-in-steps", 30);
    private final List<String> workers = new ArrayList<>(List.of("render-worker"));

    @Test
    void throughputGrowsWithWorkersAndAJoinAndALeaveLoseNothing() throws Exception {
        LocalStack stack = RunningStack.stack();
        RunningStack.openAi().delay(PROVIDER);
        Map<UUID, UUID> roots = balancedSessions();
        List<String> lines = new ArrayList<>();

        // what one partition carries: one session, one worker, a built-in (CPU) step, one after another
        awaitWorkers(1);
        UUID single = roots.keySet().iterator().next();
        List<UUID> builtIn = new ArrayList<>();
        for (int i = 0; i < BUILT_IN_STEPS; i++) {
            builtIn.add(Api.step(single, roots.get(single), BUILT_IN));
        }
        Outcomes perPartition = awaitAll(builtIn);
        double builtInRate = perPartition.accepted() / perPartition.seconds();
        System.out.printf("[ScaleBenchmark] one partition, built-in: %d steps in %.1f s = %.2f steps/s%n", perPartition.accepted(),
                perPartition.seconds(), builtInRate);

        Map<Integer, Double> rate = new LinkedHashMap<>();
        for (int n : List.of(1, 2, 4)) {
            scaleTo(stack, n);
            awaitWorkers(n);
            awaitAll(send(roots, 1)); // every worker has rendered a generative step (models loaded, connections open)
            Outcomes o = awaitAll(send(roots, ROUNDS));
            assertThat(o.lost() + o.duplicated() + o.failed()).as("lost, duplicated or failed with " + n + " workers").isZero();
            rate.put(n, o.accepted() / o.seconds());
            System.out.printf("[ScaleBenchmark] %d worker(s): %d steps in %.1f s = %.2f steps/s%n", n, o.accepted(), o.seconds(), rate.get(n));
        }

        // a worker joins and another leaves while the load is being rendered
        scaleTo(stack, 2);
        awaitWorkers(2);
        List<UUID> load = send(roots, ROUNDS * 2);
        Thread.sleep(5_000);
        String joiner = "render-worker-5";
        stack.startWorker(joiner);
        workers.add(joiner);
        System.out.println("[ScaleBenchmark] joined: " + joiner);
        String leaver = "render-worker-2";
        System.out.println("[ScaleBenchmark] left: " + leaver + " (pid " + stack.stopWorker(leaver) + ")");
        workers.remove(leaver);
        Outcomes churn = awaitAll(load);
        System.out.printf("[ScaleBenchmark] join/leave: %d accepted, %d lost, %d duplicated, %d failed, %.1f s%n", churn.accepted(), churn.lost(),
                churn.duplicated(), churn.failed(), churn.seconds());

        writeSection(rate, builtInRate, perPartition, churn);
        assertThat(churn.lost()).as("lost steps across a join and a leave").isZero();
        assertThat(churn.duplicated()).as("repeated steps across a join and a leave").isZero();
    }

    /** PER_PARTITION sessions on each partition of the session log (keys hash as Kafka's default partitioner does), each with the photo. */
    private static Map<UUID, UUID> balancedSessions() {
        Map<Integer, Integer> count = new LinkedHashMap<>();
        Map<UUID, UUID> roots = new LinkedHashMap<>();
        while (roots.size() < LocalStack.PARTITIONS * PER_PARTITION) {
            UUID id = Api.newSession("scale");
            int p = Utils.toPositive(Utils.murmur2(id.toString().getBytes(StandardCharsets.UTF_8))) % LocalStack.PARTITIONS;
            if (count.merge(p, 1, Integer::sum) <= PER_PARTITION) {
                roots.put(id, Api.uploadPhoto(id));
            }
        }
        return roots;
    }

    /** Sends rounds × sessions generative instructions from several client threads, so sending never paces the workers. */
    private static List<UUID> send(Map<UUID, UUID> roots, int rounds) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<UUID>> sent = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                roots.forEach((session, root) -> sent.add(clients.submit(() -> Api.step(session, root, GENERATIVE))));
            }
            List<UUID> steps = new ArrayList<>();
            for (Future<UUID> f : sent) {
                steps.add(f.get());
            }
            return steps;
        } finally {
            clients.shutdown();
        }
    }

    private static Outcomes awaitAll(List<UUID> steps) {
        Outcomes[] last = new Outcomes[1];
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            last[0] = Outcomes.of(RunningStack.endpoints().kafkaBootstrap(), steps);
            return last[0].lost() == 0;
        });
        return last[0];
    }

    private void scaleTo(LocalStack stack, int n) {
        while (workers.size() < n) {
            String name = "render-worker-" + (workers.size() + 1);
            stack.startWorker(name);
            workers.add(name);
        }
        while (workers.size() > n) {
            stack.stopWorker(workers.removeLast());
        }
    }

    /** Until the group is stable with n members, each holding partitions. */
    private static void awaitWorkers(int n) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RunningStack.endpoints().kafkaBootstrap());
        try (Admin admin = Admin.create(p)) {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                ConsumerGroupDescription g = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
                return g.members().size() == n && g.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty())
                        && g.groupState().toString().equals("STABLE");
            });
        }
    }

    private static void writeSection(Map<Integer, Double> rate, double builtInRate, Outcomes perPartition, Outcomes churn) throws IOException {
        Path root = Path.of(System.getProperty("atelier.root", "..")).toAbsolutePath().normalize();
        Path file = root.resolve("docs/benchmarks.md");
        var os = ManagementFactory.getOperatingSystemMXBean();
        StringBuilder s = new StringBuilder();
        s.append(START).append("\n## Horizontal scaling of render workers (bench/scale.sh)\n\n");
        s.append(String.format(Locale.ROOT, "Measured %s on %s %s, %d cores (load average %.0f when written: the machine was shared with other "
                        + "builds, so absolute rates are low; the ratios on waiting-bound work are what this measures), Java %s, Kafka %s, one broker, "
                        + "%d partitions on the session log.%n%n",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), os.getName(), os.getArch(), os.getAvailableProcessors(),
                os.getSystemLoadAverage(), Runtime.version(), AppInfoParser.getVersion(), LocalStack.PARTITIONS));
        s.append(String.format(Locale.ROOT, "Work: generative steps (\"%s\") against the OpenAI Images contract fake answering every request in a "
                + "fixed %d ms, %d sessions (%d per partition), %d steps per run after a warm-up step per session; each worker a separate "
                + "process of the packaged render-worker. Throughput = steps / (first InstructionRequested to last terminal event, by the "
                + "events' own times).%n%n", GENERATIVE, PROVIDER.toMillis(), LocalStack.PARTITIONS * PER_PARTITION, PER_PARTITION,
                LocalStack.PARTITIONS * PER_PARTITION * ROUNDS));
        s.append("| workers | steps/s | × one worker |\n|---:|---:|---:|\n");
        rate.forEach((n, r) -> s.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f |%n", n, r, r / rate.get(1))));
        s.append(String.format(Locale.ROOT, "%nA worker joining and another leaving (SIGTERM) mid-load, two workers before and after: %d steps "
                + "accepted, %d lost, %d repeated, %d failed (every accepted instruction has exactly one terminal event).%n%n",
                churn.accepted(), churn.lost(), churn.duplicated(), churn.failed()));
        s.append(String.format(Locale.ROOT, "One partition's ceiling (one session, one worker, built-in step \"%s\" on the 600×400 coffee.png, "
                + "one after another): %d steps in %.1f s = %.2f steps/s.%n", BUILT_IN, perPartition.accepted(), perPartition.seconds(), builtInRate));
        s.append(END).append("\n");
        String doc = Files.exists(file) ? Files.readString(file) : "";
        int a = doc.indexOf(START);
        int b = doc.indexOf(END);
        String out = a >= 0 && b > a ? doc.substring(0, a) + s + doc.substring(b + END.length()).replaceFirst("^\n", "")
                : doc + (doc.endsWith("\n\n") || doc.isEmpty() ? "" : "\n") + s;
        Files.writeString(file, out);
    }

    private static final String START = "<!-- scale-benchmark: written by bench/scale.sh -->";
    private static final String END = "<!-- /scale-benchmark -->";
}
