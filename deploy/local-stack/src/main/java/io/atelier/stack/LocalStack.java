package io.atelier.stack;

import io.atelier.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The whole system on one machine with nothing but a JDK: a real Kafka broker, a real PostgreSQL, an
 * S3 server on local disk, and the three packaged services. Used by {@code ./atelier up} and by the
 * system tests (on random ports and a throwaway directory), which run the same infrastructure in containers
 * instead when a Docker engine is there ({@link InfrastructureChoice}).
 */
public final class LocalStack implements AutoCloseable {
    /**
     * The render worker's heap: a 50 MP step holds ~600 MB (the linear frame; the parent PNG is read as it streams in
     * and the result written to a temporary file as it is deflated; a JPEG parent adds ~150 MB of native memory while
     * decoded). A young generation of 16 MB leaves the rest to the old one, where frames live (by default a third of
     * the heap would be young and out of a frame's reach), and every page of it is touched between collections, so
     * each megabyte given to it is a megabyte of peak RSS: at 50 MP, 64 → 16 MB cost ~35 more young collections a step
     * (~3 ms each). One full collection after an idle moment (the worker's HeapRelease) shrinks the heap down to -Xms.
     * That is set, not left to the JVM (1/64 of the machine's memory: 384 MB here, 20 MB in a 1280 Mi container):
     * measured at 50 MP, a heap that shrinks to 64 MB regrows through full collections that move the frame's planes,
     * and steps took 15-30 % longer, for an idle worker at ~420 MiB instead of ~660 MiB. Freed native memory is given
     * back every 2 s (TrimNativeHeapInterval). A render that does not fit fails with a reason (docs/deploy.md, Memory).
     */
    static final List<String> WORKER_MEMORY = List.of("-Xms384m", "-Xmx832m", "-Xmn16m", "-XX:-ShrinkHeapInSteps", "-XX:TrimNativeHeapInterval=2000");

    /** As in production (deploy/k8s): enough for 12 workers, and 1, 2, 3, 4 or 6 of them get equal shares. */
    public static final int PARTITIONS = 12;
    /** The services' default bucket (atelier.s3.bucket). */
    static final String BUCKET = "atelier-images";

    static {
        // the embedded PostgreSQL and Kafka admin clients log every step at INFO; the stack prints its own progress
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
    }

    private final Path root;
    private final Path dataDir;
    private final StackPorts ports;
    private final List<AutoCloseable> running = Collections.synchronizedList(new ArrayList<>());
    private Endpoints endpoints;
    private String apiKey;
    // session and gallery serve metrics on a management port of their own; free ones, so several stacks can run side by side
    private static final String MANAGEMENT_PORT = "quarkus.management.port";
    /** Where the default workspace's key is kept, under the data directory. */
    public static final String API_KEY_FILE = "api-key";
    private Infrastructure infrastructure;

    private LocalStack(Path root, Path dataDir, StackPorts ports) {
        this.root = root.toAbsolutePath().normalize();
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.ports = ports;
    }

    /** Starts everything embedded with one Kafka node and returns once every service reports ready. On failure, stops what started. */
    public static LocalStack start(Path root, Path dataDir, StackPorts ports, int workers) {
        return start(root, dataDir, ports, workers, 1);
    }

    /**
     * Starts everything embedded with {@code brokers} Kafka nodes (1, or 3 for a replicated cluster: replication
     * factor 3, min.insync.replicas 2 for the session log and Kafka's internal topics) and returns once every
     * service reports ready. On failure, stops what started.
     */
    public static LocalStack start(Path root, Path dataDir, StackPorts ports, int workers, int brokers) {
        return start(root, dataDir, ports, workers, brokers, InfrastructureChoice.Kind.EMBEDDED);
    }

    /**
     * Starts the three services on the given infrastructure: embedded processes, or containers (one Kafka node)
     * where a Docker engine runs. Returns once every service reports ready; on failure, stops what started.
     */
    public static LocalStack start(Path root, Path dataDir, StackPorts ports, int workers, int brokers, InfrastructureChoice.Kind kind) {
        if (brokers != 1 && brokers != 3) {
            throw new IllegalArgumentException("brokers must be 1 or 3, not " + brokers);
        }
        if (kind == InfrastructureChoice.Kind.CONTAINERS && brokers != 1) {
            throw new IllegalArgumentException("a " + brokers + "-node Kafka runs embedded only");
        }
        LocalStack stack = new LocalStack(root, dataDir, ports);
        try {
            stack.startAll(workers, brokers, kind);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /**
     * SIGKILLs the named service's current process, as a crash or the OOM killer would (fault tests); its
     * supervisor starts it again. Returns the pid killed.
     */
    public long killService(String name) {
        ManagedProcess app = running.stream().filter(p -> p instanceof ManagedProcess m && m.name().equals(name)).map(ManagedProcess.class::cast)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no service " + name));
        long pid = app.pid();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        return pid;
    }

    /**
     * Starts one more render worker under the given name (a scale-out), supervised like the others; returns once it
     * reports ready. It stops with the stack, or earlier through {@link #stopWorker}.
     */
    public void startWorker(String name) {
        Map<String, String> own = new LinkedHashMap<>(workerSettings());
        own.put("atelier.worker.name", name);
        ManagedProcess app = ServiceApp.start(root, "render-worker", name, WORKER_MEMORY, Ports.free(), settings(own, null), logDir(), dataDir.resolve("run"));
        running.add(app);
        app.supervise(dataDir.resolve("run"));
    }

    /** Stops the named service cleanly (SIGTERM, as a scale-in would) without restarting it; returns its pid. */
    public long stopWorker(String name) {
        ManagedProcess app = running.stream().filter(p -> p instanceof ManagedProcess m && m.name().equals(name)).map(ManagedProcess.class::cast)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no service " + name));
        long pid = app.pid();
        running.remove(app);
        closeQuietly(app);
        return pid;
    }

    /** How many times the named service has been restarted by its supervisor. */
    public int restarts(String name) {
        return running.stream().filter(p -> p instanceof ManagedProcess m && m.name().equals(name)).map(ManagedProcess.class::cast)
                .findFirst().map(ManagedProcess::restarts).orElse(0);
    }

    /** The database user of every service's JDBC URL. */
    public String jdbcUser() {
        return infrastructure.jdbcUser();
    }

    /** The JDBC URL of a database on the stack's PostgreSQL. */
    public String jdbcUrl(String database) {
        return infrastructure.jdbcUrl(database);
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    private void startAll(int workers, int brokers, InfrastructureChoice.Kind kind) {
        Path logs = logDir();
        Path run = dataDir.resolve("run");
        stopLeftovers(run);
        Instant t0 = Instant.now();
        infrastructure = switch (kind) {
            case EMBEDDED -> {
                refuseOtherClusterShape(brokers);
                yield EmbeddedInfrastructure.start(root, dataDir, ports, brokers);
            }
            case CONTAINERS -> ContainerInfrastructure.start();
        };
        String bootstrap = infrastructure.kafkaBootstrap();
        KafkaBroker.Replication replication = KafkaBroker.Replication.forNodes(brokers);
        createTopics(bootstrap, replication);
        createBucket(infrastructure);
        log("infrastructure ready in " + Duration.between(t0, Instant.now()).toMillis() + " ms: " + infrastructure.description()
                + "; topics with replication factor " + replication.factor() + ", min.insync.replicas " + replication.minInSync());

        List<Integer> workerPorts = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            workerPorts.add(i == 0 ? ports.worker() : Ports.free());
        }
        endpoints = new Endpoints(bootstrap, infrastructure.jdbcUrl("atelier_session"), infrastructure.jdbcUrl(galleryDatabase(dataDir)),
                infrastructure.s3Endpoint(), infrastructure.s3AccessKey(), infrastructure.s3SecretKey(),
                "http://127.0.0.1:" + ports.session(), "http://127.0.0.1:" + ports.gallery(),
                workerPorts.stream().map(p -> "http://127.0.0.1:" + p).toList());

        List<CompletableFuture<ManagedProcess>> apps = new ArrayList<>();
        apps.add(CompletableFuture.supplyAsync(() -> ServiceApp.start(root, "session-service", "session-service", List.of("-Xmx384m"), ports.session(),
                settings(sessionSettings(), endpoints.sessionJdbcUrl()), logs, run)));
        apps.add(CompletableFuture.supplyAsync(() -> ServiceApp.start(root, "gallery-service", "gallery-service", List.of("-Xmx384m"), ports.gallery(),
                settings(Map.of("atelier.gallery.session-service-url", endpoints.sessionUrl(), MANAGEMENT_PORT, Integer.toString(Ports.free())),
                        endpoints.galleryJdbcUrl()), logs, run)));
        for (int i = 0; i < workers; i++) {
            int port = workerPorts.get(i);
            String name = i == 0 ? "render-worker" : "render-worker-" + (i + 1);
            Map<String, String> own = new LinkedHashMap<>(workerSettings());
            own.put("atelier.worker.name", name);
            apps.add(CompletableFuture.supplyAsync(() -> ServiceApp.start(root, "render-worker", name, WORKER_MEMORY, port,
                    settings(own, null), logs, run)));
        }
        // wait for every service either way: one that fails must not leave the others starting unseen by close()
        RuntimeException failure = null;
        for (CompletableFuture<ManagedProcess> app : apps) {
            try {
                running.add(app.join());
            } catch (CompletionException e) {
                failure = failure != null ? failure : e.getCause() instanceof RuntimeException re ? re : e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        apiKey = defaultKey();
        // a service that dies from now on is started again (a killed worker must not leave every later step waiting)
        try (var old = Files.isDirectory(run.resolve("supervision")) ? Files.list(run.resolve("supervision")) : java.util.stream.Stream.<Path>empty()) {
            old.forEach(f -> f.toFile().delete()); // a previous run's record
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        running.forEach(p -> {
            if (p instanceof ManagedProcess app && isService(app)) {
                app.supervise(run);
            }
        });
        writeEndpoints(run);
        log("all services ready in " + Duration.between(t0, Instant.now()).toMillis() + " ms");
    }

    /** Administers the running stack's API keys (in session-service's database). */
    public KeyAdmin keys() {
        return new KeyAdmin(endpoints.sessionJdbcUrl(), infrastructure.jdbcUser(), infrastructure.jdbcPassword());
    }

    /** The key of the {@code default} workspace, kept in {@code api-key} under the data directory. */
    public String apiKey() {
        return apiKey;
    }

    // first start: the default workspace and a key for it, kept (owner-only) so a restart, the studio and ./atelier demo reuse it
    private String defaultKey() {
        Path file = dataDir.resolve(API_KEY_FILE);
        KeyAdmin admin = keys();
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file).strip();
                if (admin.isLive(kept)) {
                    return kept;
                }
                log("the key in " + file + " is revoked or unknown to this database: creating a new one");
            }
            KeyAdmin.Issued issued = admin.create("default");
            Files.writeString(file, issued.key() + "\n");
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the data directory's own permissions apply
            }
            log("created API key " + issued.key() + " for workspace 'default' (kept in " + file + ")");
            return issued.key();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts one more gallery-service on an empty database of its own: it replays the whole log from
     * offset 0. Returns its base URL; it stops with the stack.
     */
    public String startReplayGallery(String database) {
        infrastructure.createDatabase(database);
        int port = Ports.free();
        running.add(ServiceApp.start(root, "gallery-service", "gallery-" + database, List.of("-Xmx384m"), port,
                settings(Map.of("atelier.gallery.session-service-url", endpoints.sessionUrl(), MANAGEMENT_PORT, Integer.toString(Ports.free())),
                        infrastructure.jdbcUrl(database)), logDir(),
                dataDir.resolve("run")));
        return "http://127.0.0.1:" + port;
    }

    /**
     * Stops every process a crashed launcher left behind, services first: PostgreSQL's SIGTERM shutdown
     * waits for its clients, so they must be gone before {@link Postgres} stops a leftover postmaster.
     */
    static void stopLeftovers(Path run) {
        if (!Files.isDirectory(run)) {
            return;
        }
        try (var files = Files.list(run)) {
            List<Path> pids = files.filter(f -> f.toString().endsWith(".pid")).toList();
            pids.parallelStream().filter(p -> !isInfra(p)).forEach(ManagedProcess::killLeftover);
            pids.parallelStream().filter(LocalStack::isInfra).forEach(ManagedProcess::killLeftover);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isService(ManagedProcess p) {
        return p.name().startsWith("session-service") || p.name().startsWith("gallery-service") || p.name().startsWith("render-worker");
    }

    private static boolean isInfra(Path pidFile) {
        String name = pidFile.getFileName().toString();
        return name.startsWith("kafka") || name.startsWith("s3");
    }

    /**
     * The generative engine's settings given to this launcher as system properties (atelier.openai.*, atelier.bfl.*,
     * atelier.comfyui.*), for the workers and for session-service (which only checks that one is set, to refuse a session
     * from a prompt up front); ATELIER_OPENAI_* / _BFL_* / _COMFYUI_* environment variables reach them anyway, as every
     * launched service inherits the environment.
     */
    private static Map<String, String> generativeSettings() {
        Map<String, String> found = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("atelier.openai.") || k.startsWith("atelier.bfl.") || k.startsWith("atelier.comfyui.")).sorted()
                .forEach(k -> found.put(k, System.getProperty(k)));
        return found;
    }

    // a worker gets the generative settings and its render permits (atelier.worker.permits.*, e.g. the scaling benchmark's limit)
    private static Map<String, String> workerSettings() {
        Map<String, String> own = new LinkedHashMap<>(generativeSettings());
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("atelier.worker.permits.")).sorted()
                .forEach(k -> own.put(k, System.getProperty(k)));
        return own;
    }

    // session-service learns whether a generative engine is configured from the same settings the workers get
    private static Map<String, String> sessionSettings() {
        Map<String, String> own = new LinkedHashMap<>(generativeSettings());
        own.put(MANAGEMENT_PORT, Integer.toString(Ports.free()));
        return own;
    }

    /** What every service launched by the stack is told: where Kafka and S3 are, its database if it has one, its own extras. */
    private Map<String, String> settings(Map<String, String> own, String jdbcUrl) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("atelier.kafka.bootstrap-servers", endpoints.kafkaBootstrap());
        all.put("atelier.s3.endpoint", endpoints.s3Endpoint());
        all.put("atelier.s3.access-key", endpoints.s3AccessKey());
        all.put("atelier.s3.secret-key", endpoints.s3SecretKey());
        all.put("quarkus.log.console.json.enabled", "false");
        if (jdbcUrl != null) {
            all.put("quarkus.datasource.jdbc.url", jdbcUrl);
            all.put("quarkus.datasource.username", infrastructure.jdbcUser());
            all.put("quarkus.datasource.password", infrastructure.jdbcPassword());
        }
        // tracing settings given to the launcher as system properties reach every service (QUARKUS_OTEL_* variables do anyway)
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("quarkus.otel.")).sorted()
                .forEach(k -> all.put(k, System.getProperty(k)));
        all.putAll(own);
        return all;
    }

    /**
     * A data directory holds the sessions of one Kafka cluster shape: starting the other shape would show an empty log
     * while PostgreSQL remembers sessions and positions from the first.
     */
    private void refuseOtherClusterShape(int brokers) {
        int other = brokers == 1 ? 3 : 1;
        if (Files.isDirectory(KafkaBroker.dataOf(dataDir, other)) && !Files.isDirectory(KafkaBroker.dataOf(dataDir, brokers))) {
            throw new IllegalStateException(dataDir + " holds the sessions of a " + other + "-broker Kafka: start with --brokers " + other
                    + ", or move " + dataDir + " away to start fresh with " + brokers);
        }
    }

    /** The running Kafka node ids of an embedded stack. */
    public List<Integer> kafkaNodeIds() {
        return embedded().kafkaNodeIds();
    }

    /** Kills one Kafka node of an embedded stack at once (SIGKILL), as a crash would: for fault tests. */
    public void killKafkaNode(int nodeId) {
        embedded().killKafkaNode(nodeId);
    }

    /** Stops every Kafka node of an embedded stack cleanly, keeping its data (fault tests; {@link #startKafka()} brings it back). */
    public void stopKafka() {
        embedded().stopKafka();
    }

    /** Starts the embedded Kafka again on the same ports and data. */
    public void startKafka() {
        embedded().startKafka();
    }

    /** Stops the embedded S3 server, keeping its objects: S3 is unreachable until {@link #startS3()}. */
    public void stopS3() {
        embedded().stopS3();
    }

    /** Starts the embedded S3 server again on the same port and objects. */
    public void startS3() {
        embedded().startS3();
    }

    /** Stops the embedded PostgreSQL (fast shutdown, committed data kept): every service loses its connections. */
    public void stopPostgres() {
        embedded().stopPostgres();
    }

    /** Starts the embedded PostgreSQL again on the same port and data. */
    public void startPostgres() {
        embedded().startPostgres();
    }

    /** Stops one service the stack started (e.g. a replay gallery once compared), cleanly and without a restart. */
    public void stopService(String name) {
        ManagedProcess app = running.stream().filter(p -> p instanceof ManagedProcess m && m.name().equals(name)).map(ManagedProcess.class::cast)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no service " + name));
        running.remove(app);
        app.close();
    }

    private EmbeddedInfrastructure embedded() {
        if (!(infrastructure instanceof EmbeddedInfrastructure e)) {
            throw new IllegalStateException("Kafka, PostgreSQL and S3 can be stopped, started and killed only on the embedded infrastructure");
        }
        return e;
    }

    /**
     * Creates the image bucket before any service starts: each service creates it on startup if missing, and
     * several starting at once race (the loser gets BucketAlreadyOwnedByYou and exits).
     */
    private static void createBucket(Infrastructure infra) {
        try (MinioClient s3 = MinioClient.builder().endpoint(infra.s3Endpoint()).region("us-east-1")
                .credentials(infra.s3AccessKey(), infra.s3SecretKey()).build()) {
            if (!s3.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
                s3.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create bucket " + BUCKET + " at " + infra.s3Endpoint(), e);
        }
    }

    static void createTopics(String bootstrap, KafkaBroker.Replication replication) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // Kafka loads its reporters through the context class loader: a test with its own profile restarts
        // the stack from a fresh Quarkus class loader, whose JmxReporter is not the one Admin was loaded with
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(Admin.class.getClassLoader());
        try (Admin admin = Admin.create(props)) {
            for (String topic : List.of(Topics.SESSION_EVENTS, Topics.RENDER_OUTCOMES, Topics.DEAD_LETTERS)) {
                NewTopic newTopic = new NewTopic(topic, PARTITIONS, (short) replication.factor())
                        .configs(Map.of("retention.ms", "-1", "min.insync.replicas", Integer.toString(replication.minInSync())));
                try {
                    admin.createTopics(List.of(newTopic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    private void writeEndpoints(Path run) {
        Properties p = new Properties();
        p.setProperty("session", endpoints.sessionUrl());
        p.setProperty("gallery", endpoints.galleryUrl());
        p.setProperty("worker", endpoints.workerUrl());
        p.setProperty("kafka", endpoints.kafkaBootstrap());
        p.setProperty("s3", endpoints.s3Endpoint());
        p.setProperty("s3.access-key", endpoints.s3AccessKey());
        p.setProperty("s3.secret-key", endpoints.s3SecretKey());
        p.setProperty("gallery.jdbc", endpoints.galleryJdbcUrl());
        p.setProperty("jdbc.user", infrastructure.jdbcUser());
        // for ./atelier keys, which administers keys in session-service's database
        p.setProperty("session.jdbc", endpoints.sessionJdbcUrl());
        p.setProperty("session.jdbc.user", infrastructure.jdbcUser());
        p.setProperty("session.jdbc.password", infrastructure.jdbcPassword());
        p.setProperty("launcher.pid", Long.toString(ProcessHandle.current().pid()));
        try (var out = Files.newOutputStream(run.resolve("endpoints.properties"))) {
            p.store(out, "written by the running local stack");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gallery's database: atelier_gallery, or the replayed one that {@code ./atelier replay --switch} chose. */
    static String galleryDatabase(Path dataDir) {
        Path chosen = dataDir.resolve(GALLERY_DATABASE_FILE);
        try {
            return Files.exists(chosen) ? Files.readString(chosen).strip() : "atelier_gallery";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String GALLERY_DATABASE_FILE = "gallery-database";

    static void log(String message) {
        System.out.println("[atelier] " + message);
    }

    /** Stops the services first, then the infrastructure, each cleanly. */
    @Override
    public void close() {
        List<AutoCloseable> parts;
        synchronized (running) {
            parts = new ArrayList<>(running);
            running.clear();
        }
        // the services stop in parallel, then the infrastructure (PostgreSQL waits for its clients to leave)
        parts.stream().map(p -> CompletableFuture.runAsync(() -> closeQuietly(p))).toList().forEach(CompletableFuture::join);
        if (infrastructure != null) {
            closeQuietly(infrastructure);
            infrastructure = null;
        }
        try {
            Files.deleteIfExists(dataDir.resolve("run/endpoints.properties"));
        } catch (IOException e) {
            // harmless: the next start rewrites it
        }
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("[atelier] stopping " + part + ": " + e.getMessage());
        }
    }
}
