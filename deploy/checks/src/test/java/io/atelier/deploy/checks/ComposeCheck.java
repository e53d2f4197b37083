package io.atelier.deploy.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads a compose file and lists what would break at run time: URLs to services or ports that do not
 * exist, dependencies without a health check, images that disagree with their Dockerfile, settings
 * the services never read, credentials that differ between a server and its clients.
 */
final class ComposeCheck {
    // host:port inside a URL, a JDBC URL or a bootstrap list
    private static final Pattern ENDPOINT = Pattern.compile("(?:^|//|,)([a-z][a-z0-9-]*):(\\d+)");
    private static final Pattern JDBC_DB = Pattern.compile("jdbc:postgresql://[^/]+/([\\w-]+)");
    private static final Pattern CREATE_DB = Pattern.compile("(?i)CREATE DATABASE\\s+(\\w+)");

    private final Map<String, Map<String, Object>> services;
    private final ServiceImage image = ServiceImage.read();
    private final Set<String> databases = new TreeSet<>();
    private final List<String> problems = new ArrayList<>();

    @SuppressWarnings("unchecked")
    ComposeCheck(String composeYaml) {
        Map<String, Object> compose = new Yaml().load(composeYaml);
        this.services = (Map<String, Map<String, Object>>) compose.get("services");
        CREATE_DB.matcher(Repo.read("deploy/compose/init-databases.sql")).results().forEach(m -> databases.add(m.group(1)));
    }

    Map<String, Map<String, Object>> services() {
        return services;
    }

    /** Every problem found, one sentence each; empty when the file would work. */
    List<String> problems() {
        problems.clear();
        services.forEach((name, service) -> {
            checkEndpoints(name, service);
            checkDependencies(name, service);
            checkImage(name, service);
            checkSettings(name, service);
        });
        checkCredentials();
        return List.copyOf(problems);
    }

    /** The ports a service listens on inside the compose network. */
    Set<Integer> ports(String service) {
        Map<String, Object> s = services.get(service);
        Set<Integer> ports = new TreeSet<>();
        if (s.containsKey("build")) {
            ports.add(image.port());
            return ports;
        }
        String img = String.valueOf(s.get("image"));
        if (img.startsWith("apache/kafka:")) {
            String listeners = env(s).getOrDefault("KAFKA_LISTENERS", "");
            Matcher m = Pattern.compile(":(\\d+)").matcher(listeners);
            while (m.find()) {
                ports.add(Integer.parseInt(m.group(1)));
            }
        } else if (img.startsWith("postgres:")) {
            ports.add(Integer.parseInt(env(s).getOrDefault("PGPORT", "5432")));
        } else if (img.startsWith("minio/minio")) {
            ports.add(9000); // `minio server` listens on :9000 unless --address says otherwise
            if (String.valueOf(s.get("command")).contains("--address")) {
                problems.add(service + ": --address is not understood by this check; add it");
            }
        } else {
            problems.add(service + ": image " + img + " has no known ports; teach ComposeCheck.ports about it");
        }
        return ports;
    }

    private void checkEndpoints(String name, Map<String, Object> service) {
        env(service).forEach((key, value) -> {
            Matcher m = ENDPOINT.matcher(value);
            while (m.find()) {
                String host = m.group(1);
                int port = Integer.parseInt(m.group(2));
                if (!services.containsKey(host)) {
                    problems.add(name + ": " + key + "=" + value + " names host '" + host + "', which is no service here");
                } else if (!ports(host).contains(port)) {
                    problems.add(name + ": " + key + "=" + value + " points at " + host + ":" + port + ", but " + host
                            + " listens on " + ports(host));
                }
            }
            Matcher db = JDBC_DB.matcher(value);
            if (db.find() && !databases.contains(db.group(1))) {
                problems.add(name + ": " + key + " uses database " + db.group(1) + ", which deploy/compose/init-databases.sql does not create");
            }
        });
        for (Object mapping : list(service.get("ports"))) {
            String[] parts = String.valueOf(mapping).split(":");
            int containerPort = Integer.parseInt(parts[parts.length - 1].replaceAll("/.*", ""));
            if (!ports(name).contains(containerPort)) {
                problems.add(name + ": publishes container port " + containerPort + ", but it listens on " + ports(name));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void checkDependencies(String name, Map<String, Object> service) {
        Object dependsOn = service.get("depends_on");
        if (dependsOn == null) {
            return;
        }
        if (!(dependsOn instanceof Map)) {
            problems.add(name + ": depends_on is a plain list, so it waits for nothing; name a condition per dependency");
            return;
        }
        ((Map<String, Object>) dependsOn).forEach((dependency, spec) -> {
            Map<String, Object> target = services.get(dependency);
            String condition = spec instanceof Map<?, ?> m ? String.valueOf(m.get("condition")) : "service_started";
            if (target == null) {
                problems.add(name + ": depends on " + dependency + ", which is no service here");
            } else if (condition.equals("service_healthy")) {
                if (!(target.get("healthcheck") instanceof Map<?, ?> hc) || hc.get("test") == null) {
                    problems.add(name + ": waits for " + dependency + " to be healthy, but " + dependency + " has no health check");
                }
            } else if (condition.equals("service_completed_successfully")) {
                if (!"no".equals(String.valueOf(target.get("restart")))) {
                    problems.add(name + ": waits for " + dependency + " to complete, but " + dependency + " is not a one-shot (restart: \"no\")");
                }
            } else {
                problems.add(name + ": depends on " + dependency + " with condition " + condition
                        + "; use service_healthy (with a health check) so it waits until " + dependency + " can answer");
            }
        });
    }

    @SuppressWarnings("unchecked")
    private void checkImage(String name, Map<String, Object> service) {
        if (!(service.get("build") instanceof Map<?, ?> build)) {
            return;
        }
        String dockerfile = String.valueOf(build.get("dockerfile"));
        Object args = build.get("args");
        String module = args instanceof Map<?, ?> a ? String.valueOf(a.get("SERVICE")) : null;
        if (!ServiceImage.DOCKERFILE.equals(dockerfile) || !".".equals(String.valueOf(build.get("context")))) {
            problems.add(name + ": builds with " + dockerfile + " in " + build.get("context") + ", expected " + ServiceImage.DOCKERFILE + " in .");
        }
        if (module == null || !java.nio.file.Files.isRegularFile(Repo.path(module + "/src/main/resources/application.properties"))) {
            problems.add(name + ": build arg SERVICE=" + module + " is not a service module");
        } else if (!module.equals(name)) {
            problems.add(name + ": builds module " + module + " under another service's name");
        }
        String img = String.valueOf(service.get("image"));
        if (!img.startsWith("atelier/" + module + ":")) {
            problems.add(name + ": image " + img + " is not atelier/" + module + ":<tag>");
        }
        if (!image.copiesFromServiceArg()) {
            problems.add(ServiceImage.DOCKERFILE + " does not copy ${SERVICE}/target/quarkus-app/");
        }
        if (image.exposedPort() != image.httpPort()) {
            problems.add(ServiceImage.DOCKERFILE + ": EXPOSE " + image.exposedPort() + " but the service listens on " + image.httpPort());
        }
        if (env(service).containsKey("QUARKUS_HTTP_PORT")) {
            problems.add(name + ": QUARKUS_HTTP_PORT is set, but the image's entrypoint fixes the port at " + image.httpPort());
        }
    }

    private void checkSettings(String name, Map<String, Object> service) {
        if (!service.containsKey("build")) {
            return;
        }
        Map<String, Object> build = cast(service.get("build"));
        ServiceConfig config = ServiceConfig.of(String.valueOf(cast(build.get("args")).get("SERVICE")));
        env(service).keySet().stream().filter(k -> !config.reads(k))
                .forEach(k -> problems.add(name + ": sets " + k + ", which " + config.module() + " never reads"));
    }

    private void checkCredentials() {
        Map<String, String> postgres = services.containsKey("postgres") ? env(services.get("postgres")) : Map.of();
        Map<String, String> minio = services.containsKey("minio") ? env(services.get("minio")) : Map.of();
        services.forEach((name, service) -> {
            Map<String, String> env = env(service);
            agree(name, env, "QUARKUS_DATASOURCE_PASSWORD", "postgres", postgres, "POSTGRES_PASSWORD");
            agree(name, env, "QUARKUS_DATASOURCE_USERNAME", "postgres", Map.of("POSTGRES_USER", postgres.getOrDefault("POSTGRES_USER", "postgres")), "POSTGRES_USER");
            agree(name, env, "ATELIER_S3_ACCESS_KEY", "minio", minio, "MINIO_ROOT_USER");
            agree(name, env, "ATELIER_S3_SECRET_KEY", "minio", minio, "MINIO_ROOT_PASSWORD");
        });
    }

    private void agree(String name, Map<String, String> env, String key, String server, Map<String, String> serverEnv, String serverKey) {
        if (env.containsKey(key) && !env.get(key).equals(serverEnv.get(serverKey))) {
            problems.add(name + ": " + key + " differs from " + server + "'s " + serverKey);
        }
    }

    /** A service's environment as strings, with anchors and merge keys resolved. */
    static Map<String, String> env(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        } else if (raw instanceof List<?> l) {
            l.forEach(e -> {
                String[] kv = String.valueOf(e).split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        }
        return env;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
