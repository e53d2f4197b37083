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
import org.apache.kafka.common.GroupState;
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
    /** The provider's fixed answer time: long enough, on a small machine, that steps wait on it rather than on the CPU. */
    private static final Duration PROVIDER = Duration.ofMillis(Long.getLong("atelier.bench.provider-ms", 500));
    private static final String GENERATIVE = "put a croissant on the table";
    private static final String BUILT_IN = "make it 20% brighter";
    private static final String GROUP = "atelier-render-workers";
    private static final int PER_PARTITION = Integer.getInteger("atelier.bench.sessions-per-partition", 2);
    private static final int ROUNDS = Integer.getInteger("atelier.bench.rounds", 3);
    private static final int BUILT_IN_STEPS = Integer.getInteger("atelier.bench.built-in-steps", 30);
    /** Rounds of load during the join and the leave: enough to outlast a worker's start. */
    private static final int CHURN_ROUNDS = Integer.getInteger("atelier.bench.churn-rounds", 10);
    /** Generative calls one worker waits on at once (its render permits), handed to every worker by the local stack. */
    private static final int PERMITS = Integer.getInteger("atelier.worker.permits.openai", 8);
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

        Map<Integer, Run> runs = new LinkedHashMap<>();
        for (int n : List.of(1, 2, 4)) {
            scaleTo(stack, n);
            awaitWorkers(n);
            awaitAll(send(roots, 1)); // every worker has rendered a generative step (models loaded, connections open)
            // n times the steps for n workers: every run lasts about as long, so the ramp and the tail weigh the same in each
            Cpu before = Cpu.now();
            Outcomes o = awaitAll(send(roots, ROUNDS * n));
            Cpu used = Cpu.now().minus(before);
            // a step that failed (a provider timeout on a starved machine) still has its one answer: reported, not fatal
            assertThat(o.lost() + o.duplicated()).as("lost or duplicated with " + n + " workers").isZero();
            Run run = new Run(o, used, os().getSystemLoadAverage());
            runs.put(n, run);
            System.out.printf(Locale.ROOT, "[ScaleBenchmark] %d worker(s): %d steps in %.1f s = %.2f steps/s (ideal %.1f); workers' CPU %.0f ms/step, "
                            + "this JVM (fake, clients) %.0f ms/step, machine busy %.2f of %d cores, load %.1f, %d failed%n", n, o.accepted(), o.seconds(), run.rate(),
                    n * PERMITS / (PROVIDER.toMillis() / 1000.0), used.workerMillis() / o.accepted(), used.ownMillis() / o.accepted(),
                    used.busyCores(), os().getAvailableProcessors(), run.load(), o.failed());
        }

        // a worker joins and another leaves while the load is being rendered
        scaleTo(stack, 2);
        awaitWorkers(2);
        // enough load to outlast a worker's start (tens of seconds on a shared machine), so both changes land mid-load
        List<UUID> load = send(roots, CHURN_ROUNDS);
        Thread.sleep(2_000);
        String joiner = "render-worker-5";
        stack.startWorker(joiner);
        workers.add(joiner);
        System.out.println("[ScaleBenchmark] joined: " + joiner + " with " + Outcomes.of(RunningStack.endpoints().kafkaBootstrap(), load).lost()
                + " of " + load.size() + " steps still unanswered");
        String leaver = "render-worker-2";
        System.out.println("[ScaleBenchmark] left: " + leaver + " (pid " + stack.stopWorker(leaver) + ")");
        workers.remove(leaver);
        Outcomes churn = awaitAll(load);
        System.out.printf("[ScaleBenchmark] join/leave: %d accepted, %d lost, %d duplicated, %d failed, %.1f s%n", churn.accepted(), churn.lost(),
                churn.duplicated(), churn.failed(), churn.seconds());

        writeSection(runs, builtInRate, perPartition, churn);
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
                        && g.groupState() == GroupState.STABLE; // its toString is "Stable", which the first run compared with "STABLE" and waited forever
            });
        }
    }

    /** One measured run: its outcomes, the CPU spent meanwhile, the load average at its end. */
    private record Run(Outcomes outcomes, Cpu cpu, double load) {
        double rate() {
            return outcomes.accepted() / outcomes.seconds();
        }
    }

    /**
     * CPU time so far: the render workers this JVM started (its descendants), this JVM itself (the provider fake and the
     * clients), and the whole machine from /proc/stat (other builds included), to tell waiting from a full CPU.
     */
    private record Cpu(long workerNanos, long ownNanos, long machineBusy, long machineTotal, long at) {
        static Cpu now() {
            long workers = ProcessHandle.current().descendants()
                    .filter(p -> p.info().commandLine().map(c -> c.contains("render-worker")).orElse(false))
                    .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
            long own = ((com.sun.management.OperatingSystemMXBean) os()).getProcessCpuTime();
            long busy = 0;
            long total = 0;
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                    long v = Long.parseLong(f[i]);
                    total += v;
                    busy += i == 4 || i == 5 ? 0 : v;
                }
            } catch (IOException | RuntimeException e) {
                // not Linux: the machine's share is left out
            }
            return new Cpu(workers, own, busy, total, System.nanoTime());
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(workerNanos - earlier.workerNanos, ownNanos - earlier.ownNanos, machineBusy - earlier.machineBusy,
                    machineTotal - earlier.machineTotal, at - earlier.at);
        }

        double workerMillis() {
            return workerNanos / 1e6;
        }

        double ownMillis() {
            return ownNanos / 1e6;
        }

        /** Cores busy on average over the interval, of all the machine's. */
        double busyCores() {
            return machineTotal == 0 ? Double.NaN : (double) machineBusy / machineTotal * os().getAvailableProcessors();
        }
    }

    private static java.lang.management.OperatingSystemMXBean os() {
        return ManagementFactory.getOperatingSystemMXBean();
    }

    private static void writeSection(Map<Integer, Run> runs, double builtInRate, Outcomes perPartition, Outcomes churn) throws IOException {
        Path root = Path.of(System.getProperty("atelier.root", "..")).toAbsolutePath().normalize();
        Path file = root.resolve("docs/benchmarks.md");
        var os = os();
        StringBuilder s = new StringBuilder();
        s.append(START).append("\n## Scaling\n\n### Measured by bench/scale.sh\n\n");
        s.append(String.format(Locale.ROOT, "Measured %s on %s %s, %d cores (load average %.0f when written; the machine may be shared with other "
                        + "builds: the CPU columns below say whether a run waited on the provider or on the CPU), Java %s, Kafka %s, one broker, "
                        + "%d partitions on the session log.%n%n",
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), os.getName(), os.getArch(), os.getAvailableProcessors(),
                os.getSystemLoadAverage(), Runtime.version(), AppInfoParser.getVersion(), LocalStack.PARTITIONS));
        s.append(String.format(Locale.ROOT, "Work: generative steps (\"%s\") against the OpenAI Images contract fake answering every request in a "
                + "fixed %d ms, %d sessions (%d per partition), %d × workers steps per run after a warm-up step per session; each worker a "
                + "separate process of the packaged render-worker with %d generative permits (ATELIER_WORKER_PERMITS_OPENAI), so the ideal is "
                + "workers × %d / %.1f s. Throughput = steps / (first InstructionRequested to last terminal event, by the events' own times). "
                + "CPU: the workers' processes, the benchmark's JVM (which also runs the provider fake, painting each answer), and the whole "
                + "machine's busy cores from /proc/stat (other builds included).%n%n", GENERATIVE, PROVIDER.toMillis(),
                LocalStack.PARTITIONS * PER_PARTITION, PER_PARTITION, LocalStack.PARTITIONS * PER_PARTITION * ROUNDS, PERMITS, PERMITS,
                PROVIDER.toMillis() / 1000.0));
        s.append("| workers | steps | failed | steps/s | ideal | × one worker | workers' CPU ms/step | fake+clients CPU ms/step | machine busy cores | load avg |\n");
        s.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        double one = runs.get(1).rate();
        runs.forEach((n, r) -> s.append(String.format(Locale.ROOT, "| %d | %d | %d | %.2f | %.1f | %.2f | %.0f | %.0f | %.2f of %d | %.1f |%n", n,
                r.outcomes().accepted(), r.outcomes().failed(), r.rate(), n * PERMITS / (PROVIDER.toMillis() / 1000.0), r.rate() / one,
                r.cpu().workerMillis() / r.outcomes().accepted(), r.cpu().ownMillis() / r.outcomes().accepted(), r.cpu().busyCores(),
                os.getAvailableProcessors(), r.load())));
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
