package io.atelier.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Some parts of the local stack (broker, PostgreSQL, S3 server) without the services, each on a free
 * loopback port: what one service's own tests need, started in parallel and stopped together.
 */
public final class StackParts implements AutoCloseable {
    /** A part of the infrastructure a service can need. */
    public enum Part { KAFKA, POSTGRES, S3 }

    public static final String S3_ACCESS_KEY = S3Server.ACCESS_KEY;
    public static final String S3_SECRET_KEY = S3Server.SECRET_KEY;
    public static final String POSTGRES_USER = Postgres.USER;

    private final List<AutoCloseable> running = Collections.synchronizedList(new ArrayList<>());
    private volatile String kafkaBootstrap;
    private volatile String s3Endpoint;
    private volatile Postgres postgres;

    private StackParts() {
    }

    /**
     * Starts the parts asked for under {@code dataDir} (the broker with the session-events and
     * render-outcomes topics). {@code root} is the repository, whose build wrote the broker's and S3
     * server's classpaths. On failure, stops what started.
     */
    public static StackParts start(Path root, Path dataDir, Set<Part> parts) {
        StackParts stack = new StackParts();
        Path logs = dataDir.resolve("logs");
        Path run = dataDir.resolve("run");
        List<CompletableFuture<?>> starts = new ArrayList<>();
        if (parts.contains(Part.KAFKA)) {
            int port = Ports.free();
            int controller = Ports.free();
            starts.add(CompletableFuture.runAsync(() -> {
                stack.running.addAll(KafkaBroker.start(root, dataDir, logs, run, List.of(new KafkaBroker.Node(1, port, controller))));
                String bootstrap = "127.0.0.1:" + port;
                LocalStack.createTopics(bootstrap, KafkaBroker.Replication.forNodes(1));
                stack.kafkaBootstrap = bootstrap;
            }));
        }
        if (parts.contains(Part.S3)) {
            int port = Ports.free();
            starts.add(CompletableFuture.runAsync(() -> {
                stack.running.add(S3Server.start(root, dataDir, logs, run, port));
                stack.s3Endpoint = "http://127.0.0.1:" + port;
            }));
        }
        if (parts.contains(Part.POSTGRES)) {
            int port = Ports.free();
            starts.add(CompletableFuture.runAsync(() -> {
                Postgres pg = Postgres.start(dataDir, port);
                stack.running.add(pg);
                stack.postgres = pg;
            }));
        }
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
            return stack;
        } catch (CompletionException e) {
            stack.close();
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    public String kafkaBootstrap() {
        return require(kafkaBootstrap, Part.KAFKA);
    }

    public String s3Endpoint() {
        return require(s3Endpoint, Part.S3);
    }

    /** The JDBC URL of a database on the PostgreSQL part, created if missing. */
    public String jdbcUrl(String database) {
        Postgres pg = require(postgres, Part.POSTGRES);
        pg.createDatabase(database);
        return pg.jdbcUrl(database);
    }

    private static <T> T require(T value, Part part) {
        if (value == null) {
            throw new IllegalStateException(part + " was not started");
        }
        return value;
    }

    @Override
    public void close() {
        List<AutoCloseable> parts;
        synchronized (running) {
            parts = new ArrayList<>(running);
            running.clear();
        }
        parts.parallelStream().forEach(part -> {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("[atelier] stopping " + part + ": " + e.getMessage());
            }
        });
    }
}
