package io.atelier.deploy.checks;

import static io.atelier.deploy.checks.Manifests.at;
import static io.atelier.deploy.checks.Manifests.containers;
import static io.atelier.deploy.checks.Manifests.kind;
import static io.atelier.deploy.checks.Manifests.listAt;
import static io.atelier.deploy.checks.Manifests.map;
import static io.atelier.deploy.checks.Manifests.mapAt;
import static io.atelier.deploy.checks.Manifests.maps;
import static io.atelier.deploy.checks.Manifests.name;
import static io.atelier.deploy.checks.Manifests.selects;

import io.atelier.events.Topics;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one rendered overlay the way a cluster would find out at run time: every object binds to its model,
 * and every reference (selectors, ports, Secrets, ConfigMaps, topics, consumer group, database and Kafka
 * addresses, environment variables) points at something that exists.
 */
final class ManifestCheck {
    static final Set<String> SERVICES = Set.of("session-service", "render-worker", "gallery-service");
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([\\w.-]+):(\\d+)/(\\w+)");

    private final List<Map<String, Object>> objects;
    private final List<String> problems = new ArrayList<>();

    ManifestCheck(List<Map<String, Object>> objects) {
        this.objects = objects;
    }

    List<String> problems() {
        problems.clear();
        for (Map<String, Object> o : objects) {
            if (ModelBinding.isBuiltIn(o)) {
                problems.addAll(ModelBinding.problems(o));
            } else if (CrdFields.knows(o)) {
                problems.addAll(CrdFields.problems(o));
            } else {
                problems.add(Kustomize.id(o) + " (" + o.get("apiVersion") + ") is a kind no check knows");
            }
        }
        deployments().forEach(this::checkDeployment);
        of("Service").forEach(this::checkService);
        of("PodDisruptionBudget").forEach(this::checkDisruptionBudget);
        of("NetworkPolicy").forEach(this::checkNetworkPolicy);
        checkOnlyGalleryIsPublic();
        checkKafka();
        of("ScaledObject").forEach(this::checkScaledObject);
        of("Tenant").forEach(t -> requireSecretKey(Kustomize.id(t), String.valueOf(at(t, "spec.configuration.name")), "config.env"));
        return List.copyOf(problems);
    }

    private List<Map<String, Object>> of(String kind) {
        return objects.stream().filter(o -> kind(o).equals(kind)).toList();
    }

    private List<Map<String, Object>> deployments() {
        return of("Deployment");
    }

    /** Labels of every pod these manifests create, by whom: Deployments, and the operators' pods by their documented labels. */
    private Map<String, Map<String, Object>> podLabels() {
        Map<String, Map<String, Object>> pods = new LinkedHashMap<>();
        deployments().forEach(d -> pods.put(Kustomize.id(d), mapAt(d, "spec.template.metadata.labels")));
        of("Cluster").forEach(c -> pods.put(Kustomize.id(c), Map.of("cnpg.io/cluster", name(c))));
        of("Tenant").forEach(t -> pods.put(Kustomize.id(t), Map.of("v1.min.io/tenant", name(t))));
        return pods;
    }

    private void checkDeployment(Map<String, Object> d) {
        String id = Kustomize.id(d);
        if (!selects(mapAt(d, "spec.selector.matchLabels"), mapAt(d, "spec.template.metadata.labels"))) {
            problems.add(id + ": its selector does not match its own pod labels");
        }
        if (of("PodDisruptionBudget").stream().noneMatch(p -> selects(mapAt(p, "spec.selector.matchLabels"), mapAt(d, "spec.template.metadata.labels")))) {
            problems.add(id + ": no PodDisruptionBudget covers its pods");
        }
        Set<String> volumes = new TreeSet<>();
        listAt(d, "spec.template.spec.volumes").forEach(v -> {
            volumes.add(String.valueOf(v.get("name")));
            Object claim = at(v, "persistentVolumeClaim.claimName");
            if (claim != null && find("PersistentVolumeClaim", String.valueOf(claim)) == null) {
                problems.add(id + ": volume " + v.get("name") + " claims " + claim + ", which no PersistentVolumeClaim here is");
            }
        });
        for (Map<String, Object> c : containers(d)) {
            String module = String.valueOf(c.get("name"));
            String cid = id + " container " + module;
            if (!SERVICES.contains(module)) {
                problems.add(cid + ": not one of " + SERVICES);
                continue;
            }
            if (!String.valueOf(c.get("image")).startsWith("atelier/" + module + ":")) {
                problems.add(cid + ": image " + c.get("image") + " is not atelier/" + module);
            }
            Set<Object> portNames = new TreeSet<>(Set.of());
            Set<Integer> portNumbers = new TreeSet<>();
            maps(c.get("ports")).forEach(p -> {
                portNames.add(String.valueOf(p.get("name")));
                portNumbers.add(((Number) p.get("containerPort")).intValue());
            });
            int listens = ServiceImage.read().port();
            if (!portNumbers.contains(listens)) {
                problems.add(cid + ": declares ports " + portNumbers + ", but the image listens on " + listens);
            }
            probe(cid, c, "livenessProbe", "/q/health/live", portNames, portNumbers);
            probe(cid, c, "readinessProbe", "/q/health/ready", portNames, portNumbers);
            if (c.containsKey("startupProbe")) {
                probe(cid, c, "startupProbe", String.valueOf(at(map(c.get("startupProbe")), "httpGet.path")), portNames, portNumbers);
            }
            for (String r : List.of("requests.cpu", "requests.memory", "limits.memory")) {
                if (at(map(c.get("resources")), r) == null) {
                    problems.add(cid + ": no resources." + r);
                }
            }
            maps(c.get("volumeMounts")).forEach(m -> {
                if (!volumes.contains(String.valueOf(m.get("name")))) {
                    problems.add(cid + ": mounts volume " + m.get("name") + ", which the pod does not have");
                }
            });
            checkEnvironment(cid, module, c);
        }
    }

    private void probe(String cid, Map<String, Object> c, String probe, String path, Set<Object> portNames, Set<Integer> portNumbers) {
        Map<String, Object> get = map(at(map(c.get(probe)), "httpGet"));
        if (get.isEmpty()) {
            problems.add(cid + ": no " + probe);
            return;
        }
        if (!path.equals(get.get("path"))) {
            problems.add(cid + ": " + probe + " asks " + get.get("path") + ", expected " + path);
        }
        Object port = get.get("port");
        if (!(port instanceof Number n ? portNumbers.contains(n.intValue()) : portNames.contains(String.valueOf(port)))) {
            problems.add(cid + ": " + probe + " port " + port + " is not a container port");
        }
    }

    private void checkEnvironment(String cid, String module, Map<String, Object> c) {
        ServiceConfig config = ServiceConfig.of(module);
        Map<String, String> values = new LinkedHashMap<>();
        for (Map<String, Object> from : maps(c.get("envFrom"))) {
            Object cm = at(from, "configMapRef.name");
            Map<String, Object> configMap = find("ConfigMap", String.valueOf(cm));
            if (configMap == null) {
                problems.add(cid + ": envFrom ConfigMap " + cm + " does not exist");
            } else {
                mapAt(configMap, "data").forEach((k, v) -> values.put(k, String.valueOf(v)));
            }
        }
        for (Map<String, Object> e : maps(c.get("env"))) {
            String name = String.valueOf(e.get("name"));
            values.put(name, e.containsKey("value") ? String.valueOf(e.get("value")) : "");
            Map<String, Object> ref = map(at(e, "valueFrom.secretKeyRef"));
            if (!ref.isEmpty()) {
                requireSecretKey(cid + " env " + name, String.valueOf(ref.get("name")), String.valueOf(ref.get("key")));
            }
        }
        values.keySet().stream().filter(k -> !config.reads(k)).forEach(k -> problems.add(cid + ": sets " + k + ", which " + module + " never reads"));
        for (String required : List.of("ATELIER_KAFKA_BOOTSTRAP_SERVERS", "ATELIER_S3_ENDPOINT", "ATELIER_S3_ACCESS_KEY", "ATELIER_S3_SECRET_KEY")) {
            if (!values.containsKey(required)) {
                problems.add(cid + ": " + required + " is not set (the default points at the local stack)");
            }
        }
        String bootstrap = values.get("ATELIER_KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap != null && !kafkaBootstrap().contains(bootstrap)) {
            problems.add(cid + ": ATELIER_KAFKA_BOOTSTRAP_SERVERS=" + bootstrap + ", but Kafka answers on " + kafkaBootstrap());
        }
        if (config.property("quarkus.datasource.jdbc.url") != null) {
            checkJdbc(cid, values.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", ""));
        }
        String sessionUrl = values.get("ATELIER_GALLERY_SESSION_SERVICE_URL");
        if (sessionUrl != null) {
            checkServiceUrl(cid, sessionUrl, "session-service");
        }
        String s3 = values.get("ATELIER_S3_ENDPOINT");
        if (s3 != null && !of("Tenant").isEmpty() && !URI.create(s3).getHost().equals("minio")) {
            problems.add(cid + ": ATELIER_S3_ENDPOINT=" + s3 + ", but the MinIO tenant's Service is minio");
        }
    }

    private void checkJdbc(String cid, String url) {
        Matcher m = JDBC.matcher(url);
        if (!m.matches()) {
            problems.add(cid + ": QUARKUS_DATASOURCE_JDBC_URL=" + url + " is not jdbc:postgresql://host:port/db");
            return;
        }
        String host = m.group(1);
        Map<String, Object> cluster = of("Cluster").stream().filter(c -> host.equals(name(c) + "-rw")).findFirst().orElse(null);
        if (cluster == null) {
            problems.add(cid + ": database host " + host + " is no CloudNativePG cluster's -rw Service");
        } else if (!m.group(2).equals("5432") || !m.group(3).equals(String.valueOf(at(cluster, "spec.bootstrap.initdb.database")))) {
            problems.add(cid + ": " + url + " does not match " + name(cluster) + " (port 5432, database " + at(cluster, "spec.bootstrap.initdb.database") + ")");
        }
    }

    private void checkServiceUrl(String cid, String url, String expectedService) {
        URI uri = URI.create(url);
        Map<String, Object> service = find("Service", uri.getHost());
        if (service == null || !uri.getHost().equals(expectedService)) {
            problems.add(cid + ": " + url + " names Service " + uri.getHost() + ", expected " + expectedService);
        } else if (listAt(service, "spec.ports").stream().noneMatch(p -> ((Number) p.get("port")).intValue() == uri.getPort())) {
            problems.add(cid + ": " + url + " uses port " + uri.getPort() + ", which Service " + uri.getHost() + " does not expose");
        }
    }

    private void checkService(Map<String, Object> s) {
        String id = Kustomize.id(s);
        List<Map<String, Object>> targets = deployments().stream()
                .filter(d -> selects(mapAt(s, "spec.selector"), mapAt(d, "spec.template.metadata.labels"))).toList();
        if (targets.isEmpty()) {
            problems.add(id + ": its selector matches no pods");
            return;
        }
        for (Map<String, Object> port : listAt(s, "spec.ports")) {
            Object target = port.getOrDefault("targetPort", port.get("port"));
            for (Map<String, Object> d : targets) {
                boolean found = containers(d).stream().flatMap(c -> maps(c.get("ports")).stream()).anyMatch(p -> target instanceof Number n
                        ? ((Number) p.get("containerPort")).intValue() == n.intValue() : String.valueOf(target).equals(p.get("name")));
                if (!found) {
                    problems.add(id + ": targetPort " + target + " is not a container port of " + Kustomize.id(d));
                }
            }
        }
    }

    private void checkDisruptionBudget(Map<String, Object> p) {
        if (deployments().stream().noneMatch(d -> selects(mapAt(p, "spec.selector.matchLabels"), mapAt(d, "spec.template.metadata.labels")))) {
            problems.add(Kustomize.id(p) + ": its selector matches no pods");
        }
    }

    private void checkNetworkPolicy(Map<String, Object> n) {
        String id = Kustomize.id(n);
        Map<String, Object> selector = mapAt(n, "spec.podSelector.matchLabels");
        if (!selector.isEmpty() && podLabels().values().stream().noneMatch(l -> selects(selector, l))) {
            problems.add(id + ": its podSelector matches no pods");
        }
        for (Map<String, Object> rule : listAt(n, "spec.ingress")) {
            for (Map<String, Object> from : maps(rule.get("from"))) {
                Map<String, Object> peer = mapAt(from, "podSelector.matchLabels");
                if (!peer.isEmpty() && podLabels().values().stream().noneMatch(l -> selects(peer, l))) {
                    problems.add(id + ": allows pods labelled " + peer + ", and there are none");
                }
            }
        }
    }

    /** Default deny, and the only rule open to everyone selects the gallery. */
    private void checkOnlyGalleryIsPublic() {
        boolean defaultDeny = of("NetworkPolicy").stream().anyMatch(n -> mapAt(n, "spec.podSelector").isEmpty()
                && listAt(n, "spec.ingress").isEmpty() && String.valueOf(at(n, "spec.policyTypes")).contains("Ingress"));
        if (!defaultDeny) {
            problems.add("no default-deny ingress NetworkPolicy: every pod is reachable from anywhere");
        }
        for (Map<String, Object> n : of("NetworkPolicy")) {
            boolean open = listAt(n, "spec.ingress").stream().anyMatch(rule -> maps(rule.get("from")).isEmpty());
            if (open && !"gallery-service".equals(mapAt(n, "spec.podSelector.matchLabels").get("app.kubernetes.io/name"))) {
                problems.add(Kustomize.id(n) + ": opens " + mapAt(n, "spec.podSelector") + " to everyone; only the gallery may be public");
            }
        }
    }

    private void checkKafka() {
        List<Map<String, Object>> kafkas = of("Kafka");
        if (kafkas.size() != 1) {
            problems.add("expected one Strimzi Kafka, found " + kafkas.size());
            return;
        }
        Map<String, Object> kafka = kafkas.getFirst();
        Map<String, Object> config = mapAt(kafka, "spec.kafka.config");
        expect("Kafka " + name(kafka), config, Map.of("default.replication.factor", 3, "min.insync.replicas", 2,
                "offsets.topic.replication.factor", 3, "transaction.state.log.replication.factor", 3, "transaction.state.log.min.isr", 2));
        int brokers = of("KafkaNodePool").stream().filter(p -> name(kafka).equals(mapAt(p, "metadata.labels").get("strimzi.io/cluster"))
                && String.valueOf(at(p, "spec.roles")).contains("broker")).mapToInt(p -> ((Number) at(p, "spec.replicas")).intValue()).sum();
        if (brokers < 3) {
            problems.add("Kafka " + name(kafka) + ": " + brokers + " brokers cannot hold 3 replicas");
        }
        Set<String> topics = new TreeSet<>();
        for (Map<String, Object> t : of("KafkaTopic")) {
            String topic = String.valueOf(at(t, "spec.topicName") != null ? at(t, "spec.topicName") : name(t));
            topics.add(topic);
            if (!name(kafka).equals(mapAt(t, "metadata.labels").get("strimzi.io/cluster"))) {
                problems.add(Kustomize.id(t) + ": not labelled strimzi.io/cluster=" + name(kafka) + ", so no operator manages it");
            }
            if (((Number) at(t, "spec.replicas")).intValue() != 3) {
                problems.add(Kustomize.id(t) + ": replicas must be 3");
            }
            expect(Kustomize.id(t), mapAt(t, "spec.config"), Map.of("min.insync.replicas", 2));
            if (topic.equals(Topics.SESSION_EVENTS)) {
                expect(Kustomize.id(t), mapAt(t, "spec.config"), Map.of("retention.ms", -1));
            }
        }
        if (!topics.equals(Set.of(Topics.SESSION_EVENTS, Topics.RENDER_OUTCOMES, Topics.DEAD_LETTERS))) {
            problems.add("KafkaTopics " + topics + " differ from the contract's topics (events/Topics.java)");
        }
    }

    private void checkScaledObject(Map<String, Object> s) {
        String id = Kustomize.id(s);
        Object target = at(s, "spec.scaleTargetRef.name");
        if (find("Deployment", String.valueOf(target)) == null) {
            problems.add(id + ": scales " + target + ", which is no Deployment");
        }
        for (Map<String, Object> trigger : listAt(s, "spec.triggers")) {
            Map<String, Object> m = map(trigger.get("metadata"));
            if (!"kafka".equals(trigger.get("type"))) {
                continue;
            }
            if (!RenderWorkerSource.consumerGroup().equals(m.get("consumerGroup"))) {
                problems.add(id + ": watches consumer group " + m.get("consumerGroup") + ", but render-worker consumes as " + RenderWorkerSource.consumerGroup());
            }
            if (!RenderWorkerSource.topic().equals(m.get("topic"))) {
                problems.add(id + ": watches topic " + m.get("topic") + ", but render-worker reads " + RenderWorkerSource.topic());
            }
            if (!kafkaBootstrap().contains(String.valueOf(m.get("bootstrapServers")))) {
                problems.add(id + ": bootstrapServers " + m.get("bootstrapServers") + " is not " + kafkaBootstrap());
            }
            of("KafkaTopic").stream().filter(t -> m.get("topic") != null && m.get("topic").equals(at(t, "spec.topicName"))).forEach(t -> {
                if (((Number) at(s, "spec.maxReplicaCount")).intValue() > ((Number) at(t, "spec.partitions")).intValue()) {
                    problems.add(id + ": more workers than partitions of " + m.get("topic") + " would sit idle");
                }
            });
        }
    }

    /** host:port of each Kafka's plain listener (Strimzi's bootstrap Service is <cluster>-kafka-bootstrap). */
    private Set<String> kafkaBootstrap() {
        Set<String> addresses = new TreeSet<>();
        of("Kafka").forEach(k -> listAt(k, "spec.kafka.listeners").stream().filter(l -> !Boolean.TRUE.equals(l.get("tls")))
                .forEach(l -> addresses.add(name(k) + "-kafka-bootstrap:" + l.get("port"))));
        return addresses;
    }

    private void requireSecretKey(String who, String secretName, String key) {
        // CloudNativePG writes <cluster>-app with the owner's credentials
        boolean operatorMade = of("Cluster").stream().anyMatch(c -> (name(c) + "-app").equals(secretName))
                && Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri").contains(key);
        if (operatorMade) {
            return;
        }
        Map<String, Object> secret = find("Secret", secretName);
        if (secret == null) {
            problems.add(who + ": Secret " + secretName + " does not exist");
        } else if (!mapAt(secret, "data").containsKey(key) && !mapAt(secret, "stringData").containsKey(key)) {
            problems.add(who + ": Secret " + secretName + " has no key " + key);
        }
    }

    private void expect(String who, Map<String, Object> config, Map<String, Object> expected) {
        expected.forEach((k, v) -> {
            if (!String.valueOf(v).equals(String.valueOf(config.get(k)))) {
                problems.add(who + ": " + k + " is " + config.get(k) + ", expected " + v);
            }
        });
    }

    private Map<String, Object> find(String kind, String name) {
        return objects.stream().filter(o -> kind(o).equals(kind) && name(o).equals(name)).findFirst().orElse(null);
    }
}
