package io.atelier.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real single-node Apache Kafka broker in KRaft combined mode, in its own JVM, on loopback. */
final class KafkaBroker {
    // A fixed cluster id: the data directory is formatted once and reused across restarts.
    private static final String CLUSTER_ID = "YXRlbGllci1sb2NhbC0x";
    private static final List<String> JVM = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Djava.awt.headless=true");

    private KafkaBroker() {
    }

    static ManagedProcess start(Path root, Path dataDir, Path logDir, Path runDir, int port, int controllerPort) {
        String classpath = Jvm.classpathFile(root.resolve("deploy/kafka-runtime/target/classpath.txt"));
        Path dir = dataDir.resolve("kafka");
        Path config = dir.resolve("server.properties");
        try {
            Files.createDirectories(dir);
            Files.writeString(config, properties(dir.resolve("data"), port, controllerPort));
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
        List<String> logOpt = List.of("-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"));
        List<String> formatJvm = new java.util.ArrayList<>(JVM);
        formatJvm.addAll(logOpt);
        try (ManagedProcess format = ManagedProcess.start("kafka-format", Jvm.command(formatJvm, "-cp", classpath,
                "kafka.tools.StorageTool", "format", "--ignore-formatted", "-t", CLUSTER_ID, "-c", config.toString()),
                dir, logDir, runDir)) {
            format.awaitExit(Duration.ofSeconds(60));
        }
        ManagedProcess broker = ManagedProcess.start("kafka", Jvm.command(formatJvm, "-cp", classpath, "kafka.Kafka", config.toString()),
                dir, logDir, runDir);
        broker.awaitReady(Duration.ofSeconds(90), () -> broker.logContains("Kafka Server started"));
        return broker;
    }

    private static String properties(Path data, int port, int controllerPort) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=3
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                transaction.state.log.num.partitions=3
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=false
                log.retention.hours=-1
                """.formatted(port, controllerPort, data.toString().replace('\\', '/'));
    }
}
