package io.atelier.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Real Kafka (1 or 3 KRaft nodes), PostgreSQL and an S3 server as processes on loopback: needs nothing but a JDK. */
final class EmbeddedInfrastructure implements Infrastructure {
    private final List<AutoCloseable> running = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, ManagedProcess> kafkaNodes = new ConcurrentHashMap<>();
    private final String bootstrap;
    private volatile Postgres postgres;
    private volatile ManagedProcess s3;
    private final int s3Port;
    private final int postgresPort;
    private final int brokers;
    private final Path root;
    private final Path dataDir;
    private final List<KafkaBroker.Node> nodes = new ArrayList<>();

    private EmbeddedInfrastructure(Path root, Path dataDir, StackPorts ports, int brokers) {
        this.brokers = brokers;
        this.s3Port = ports.s3();
        this.postgresPort = ports.postgres();
        this.root = root;
        this.dataDir = dataDir;
        Path logs = dataDir.resolve("logs");
        Path run = dataDir.resolve("run");
        for (int id = 1; id <= brokers; id++) {
            nodes.add(ports.kafkaNode(id));
        }
        CompletableFuture<List<ManagedProcess>> kafka = CompletableFuture.supplyAsync(() -> KafkaBroker.start(root, dataDir, logs, run, nodes));
        CompletableFuture<ManagedProcess> s3 = CompletableFuture.supplyAsync(() -> S3Server.start(root, dataDir, logs, run, ports.s3()));
        CompletableFuture<Postgres> pg = CompletableFuture.supplyAsync(() -> Postgres.start(dataDir, ports.postgres()));
        // wait for every part either way and register what started, so a failure elsewhere still stops it
        RuntimeException failure = null;
        for (CompletableFuture<?> part : List.of(kafka, s3, pg)) {
            try {
                Object started = part.join();
                if (started instanceof List<?> nodesStarted) {
                    nodesStarted.forEach(n -> running.add((AutoCloseable) n));
                } else {
                    running.add((AutoCloseable) started);
                }
            } catch (java.util.concurrent.CompletionException e) {
                failure = failure != null ? failure : e.getCause() instanceof RuntimeException re ? re : e;
            }
        }
        if (failure != null) {
            close();
            throw failure;
        }
        List<ManagedProcess> started = kafka.join();
        for (int i = 0; i < started.size(); i++) {
            kafkaNodes.put(nodes.get(i).id(), started.get(i));
        }
        this.postgres = pg.join();
        this.s3 = s3.join();
        this.bootstrap = nodes.stream().map(n -> "127.0.0.1:" + n.port()).collect(Collectors.joining(","));
    }

    static EmbeddedInfrastructure start(Path root, Path dataDir, StackPorts ports, int brokers) {
        return new EmbeddedInfrastructure(root, dataDir, ports, brokers);
    }

    List<Integer> kafkaNodeIds() {
        return kafkaNodes.keySet().stream().sorted().toList();
    }

    void killKafkaNode(int nodeId) {
        ManagedProcess node = kafkaNodes.remove(nodeId);
        if (node == null) {
            throw new IllegalArgumentException("no running Kafka node " + nodeId);
        }
        node.kill();
        running.remove(node);
    }

    /** Stops every Kafka node cleanly (SIGTERM), keeping its data: for fault tests, with {@link #startKafka()} after. */
    void stopKafka() {
        for (Integer id : kafkaNodeIds()) {
            ManagedProcess node = kafkaNodes.remove(id);
            running.remove(node);
            node.close();
        }
    }

    /** Starts every Kafka node again on its old ports and data, after {@link #stopKafka()}. */
    void startKafka() {
        if (!kafkaNodes.isEmpty()) {
            throw new IllegalStateException("Kafka nodes " + kafkaNodeIds() + " are still running");
        }
        List<ManagedProcess> started = KafkaBroker.start(root, dataDir, dataDir.resolve("logs"), dataDir.resolve("run"), nodes);
        for (int i = 0; i < started.size(); i++) {
            kafkaNodes.put(nodes.get(i).id(), started.get(i));
            running.add(started.get(i));
        }
    }

    /** Stops the S3 server cleanly, keeping its objects: the port refuses connections until {@link #startS3()}. */
    void stopS3() {
        ManagedProcess server = s3;
        if (server == null) {
            throw new IllegalStateException("S3 is not running");
        }
        s3 = null;
        running.remove(server);
        server.close();
    }

    /** Starts the S3 server again on its old port and objects. */
    void startS3() {
        if (s3 != null) {
            throw new IllegalStateException("S3 is running");
        }
        ManagedProcess server = S3Server.start(root, dataDir, dataDir.resolve("logs"), dataDir.resolve("run"), s3Port);
        s3 = server;
        running.add(server);
    }

    /** Stops PostgreSQL (fast shutdown: clients are disconnected, committed data kept), as a restart or failover does. */
    void stopPostgres() {
        Postgres server = postgres;
        running.remove(server);
        server.close();
    }

    /** Starts PostgreSQL again on its old port and data directory, after {@link #stopPostgres()}. */
    void startPostgres() {
        Postgres server = Postgres.start(dataDir, postgresPort);
        postgres = server;
        running.add(server);
    }

    @Override
    public String kafkaBootstrap() {
        return bootstrap;
    }

    @Override
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    @Override
    public void createDatabase(String database) {
        postgres.createDatabase(database);
    }

    @Override
    public String jdbcUser() {
        return Postgres.USER;
    }

    @Override
    public String jdbcPassword() {
        return "";
    }

    @Override
    public String s3Endpoint() {
        return "http://127.0.0.1:" + s3Port;
    }

    @Override
    public String s3AccessKey() {
        return S3Server.ACCESS_KEY;
    }

    @Override
    public String s3SecretKey() {
        return S3Server.SECRET_KEY;
    }

    @Override
    public String description() {
        return "embedded: Kafka " + brokers + (brokers == 1 ? " node" : " nodes") + ", PostgreSQL binaries, S3Proxy, on loopback";
    }

    @Override
    public void close() {
        List<AutoCloseable> parts;
        synchronized (running) {
            parts = new ArrayList<>(running);
            running.clear();
        }
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("[atelier] stopping " + part + ": " + e.getMessage());
            }
        }
    }
}
