package io.atelier.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Real Apache Kafka in KRaft combined mode (each node broker and controller), each node in its own JVM on
 * loopback: one node, or a cluster of three with every topic replicated 3 times and min.insync.replicas 2.
 */
final class KafkaBroker {
    // A fixed cluster id: the data directory is formatted once and reused across restarts.
    private static final String CLUSTER_ID = "YXRlbGllci1sb2NhbC0x";
    private static final List<String> JVM = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
            "-Djava.awt.headless=true");

    /** The loopback ports of one node. */
    record Node(int id, int port, int controllerPort) {
    }

    /** How topics are replicated on a cluster of this size: 3 copies, 2 in sync, once there are 3 nodes. */
    record Replication(int factor, int minInSync) {
        static Replication forNodes(int nodes) {
            return nodes >= 3 ? new Replication(3, 2) : new Replication(1, 1);
        }
    }

    private KafkaBroker() {
    }

    /**
     * Starts every node at once (a KRaft quorum needs a majority before any node finishes starting) and returns
     * when all report started. One node keeps the layout of earlier versions (data under kafka/).
     */
    static List<ManagedProcess> start(Path root, Path dataDir, Path logDir, Path runDir, List<Node> nodes) {
        String classpath = Jvm.classpathFile(root.resolve("deploy/kafka-runtime/target/classpath.txt"));
        String voters = nodes.stream().map(n -> n.id() + "@127.0.0.1:" + n.controllerPort()).collect(Collectors.joining(","));
        Replication replication = Replication.forNodes(nodes.size());
        List<CompletableFuture<ManagedProcess>> starting = new ArrayList<>();
        // one thread per node: they must all be starting at the same time to form the quorum
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
        for (Node node : nodes) {
            boolean single = nodes.size() == 1;
            Path dir = single ? dataDir.resolve("kafka") : dataDir.resolve("kafka-cluster").resolve("node-" + node.id());
            String name = single ? "kafka" : "kafka-" + node.id();
            starting.add(CompletableFuture.supplyAsync(() -> startNode(classpath, dir, name, properties(dir.resolve("data"), node, voters, replication),
                    logDir, runDir), threads));
        }
        threads.shutdown();
        List<ManagedProcess> started = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<ManagedProcess> f : starting) {
            try {
                started.add(f.join());
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            started.forEach(ManagedProcess::close);
            throw failure;
        }
        return started;
    }

    /** Where a stack's Kafka data lives for this many nodes. */
    static Path dataOf(Path dataDir, int nodes) {
        return nodes == 1 ? dataDir.resolve("kafka/data") : dataDir.resolve("kafka-cluster");
    }

    private static ManagedProcess startNode(String classpath, Path dir, String name, String properties, Path logDir, Path runDir) {
        Path config = dir.resolve("server.properties");
        try {
            Files.createDirectories(dir);
            Files.writeString(config, properties);
            Files.writeString(dir.resolve("log4j2.properties"), """
                    rootLogger.level = INFO
                    rootLogger.appenderRef.stdout.ref = STDOUT
                    appender.stdout.type = Console
                    appender.stdout.name = STDOUT
                    appender.stdout.layout.type = PatternLayout
                    appender.stdout.layout.pattern = [%d] %p %m (%c)%n
                    logger.kafka.name = kafka
                    logger.kafka.level = WARN
                    logger.server.name = kafka.server.KafkaRaftServer
                    logger.server.level = INFO
                    logger.org.name = org.apache.kafka
                    logger.org.level = WARN
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> jvm = new ArrayList<>(JVM);
        jvm.add("-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"));
        try (ManagedProcess format = ManagedProcess.start(name + "-format", Jvm.command(jvm, "-cp", classpath,
                "kafka.tools.StorageTool", "format", "--ignore-formatted", "-t", CLUSTER_ID, "-c", config.toString()),
                dir, logDir, runDir)) {
            format.awaitExit(Duration.ofSeconds(60));
        }
        ManagedProcess broker = ManagedProcess.start(name, Jvm.command(jvm, "-cp", classpath, "kafka.Kafka", config.toString()),
                dir, logDir, runDir);
        broker.awaitReady(Duration.ofSeconds(120), () -> broker.logContains("Kafka Server started"));
        return broker;
    }

    private static String properties(Path data, Node node, String voters, Replication r) {
        return """
                process.roles=broker,controller
                node.id=%1$d
                controller.quorum.voters=%4$s
                listeners=PLAINTEXT://127.0.0.1:%2$d,CONTROLLER://127.0.0.1:%3$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%2$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%5$s
                num.partitions=3
                default.replication.factor=%6$d
                min.insync.replicas=%7$d
                offsets.topic.replication.factor=%6$d
                offsets.topic.num.partitions=3
                transaction.state.log.replication.factor=%6$d
                transaction.state.log.min.isr=%7$d
                transaction.state.log.num.partitions=3
                share.coordinator.state.topic.replication.factor=%6$d
                share.coordinator.state.topic.min.isr=%7$d
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=false
                log.retention.hours=-1
                """.formatted(node.id(), node.port(), node.controllerPort(), voters, data.toString().replace('\\', '/'),
                r.factor(), r.minInSync());
    }
}
