package io.atelier.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/** A real PostgreSQL server from the embedded binaries, one database per service. */
final class Postgres implements AutoCloseable {
    static final String USER = "postgres";
    static final List<String> DATABASES = List.of("atelier_session", "atelier_gallery");

    private final EmbeddedPostgres server;

    private Postgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static Postgres start(Path dataDir, int port) {
        Path dir = dataDir.resolve("postgres");
        stopLeftover(dataDir);
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .start();
            Postgres postgres = new Postgres(server);
            postgres.createDatabases();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dir, e);
        }
    }

    String jdbcUrl(String database) {
        return server.getJdbcUrl(USER, database);
    }

    private void createDatabases() {
        DATABASES.forEach(this::createDatabase);
    }

    /** Creates the database unless it exists. */
    void createDatabase(String db) {
        if (!db.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + db);
        }
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + db + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + db);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + db, e);
        }
    }

    /** Stops a postmaster left running on this stack's data dir: it is daemonised, so a SIGKILLed launcher leaves it up. */
    static void stopLeftover(Path dataDir) {
        Path pidFile = dataDir.resolve("postgres/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(handle -> {
                handle.destroy();
                try {
                    handle.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.destroyForcibly();
                }
            });
            Files.deleteIfExists(pidFile);
        } catch (IOException | RuntimeException e) {
            // a stale or unreadable pid file: PostgreSQL itself will say if the directory is still in use
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
