package io.atelier.platform.testing;

import io.atelier.stack.StackParts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts the parts of the real local stack a service's tests need (init arg {@code parts}: any of
 * {@code kafka,postgres,s3}; {@code database}: the service's PostgreSQL database) on free ports in a
 * throwaway directory, and points the service's settings at them.
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {
    public static final String PARTS = "parts";
    public static final String DATABASE = "database";

    private Set<StackParts.Part> parts = EnumSet.allOf(StackParts.Part.class);
    private String database = "atelier_test";
    private Path dataDir;
    private StackParts stack;

    @Override
    public void init(Map<String, String> args) {
        if (args.containsKey(PARTS)) {
            parts = Arrays.stream(args.get(PARTS).split(","))
                    .map(p -> StackParts.Part.valueOf(p.strip().toUpperCase(java.util.Locale.ROOT)))
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(StackParts.Part.class)));
        }
        database = args.getOrDefault(DATABASE, database);
    }

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("atelier-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stack = StackParts.start(repositoryRoot(), dataDir, parts);
        Map<String, String> config = new HashMap<>();
        if (parts.contains(StackParts.Part.KAFKA)) {
            config.put("atelier.kafka.bootstrap-servers", stack.kafkaBootstrap());
        }
        if (parts.contains(StackParts.Part.S3)) {
            config.put("atelier.s3.endpoint", stack.s3Endpoint());
            config.put("atelier.s3.access-key", StackParts.S3_ACCESS_KEY);
            config.put("atelier.s3.secret-key", StackParts.S3_SECRET_KEY);
        }
        if (parts.contains(StackParts.Part.POSTGRES)) {
            config.put("quarkus.datasource.jdbc.url", stack.jdbcUrl(database));
            config.put("quarkus.datasource.username", StackParts.POSTGRES_USER);
            config.put("quarkus.datasource.password", "");
        }
        return config;
    }

    /** The running parts, for tests that talk to the broker or database themselves. */
    public StackParts stack() {
        return stack;
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
        deleteQuietly(dataDir);
    }

    /** The repository checkout, whose build wrote the broker's and S3 server's classpaths under deploy/. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/local-stack"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the Atelier repository: " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the OS cleans it up eventually
        }
    }
}
