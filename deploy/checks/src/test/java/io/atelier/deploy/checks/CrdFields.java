package io.atelier.deploy.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of the operators' custom resources that these manifests rely on, written from each CRD's published
 * schema (Strimzi v1beta2, CloudNativePG v1, KEDA v1alpha1, MinIO operator v2). A field outside this list is
 * reported: either a typo, or a field whose meaning should be looked up and added here on purpose.
 * A path ending in ".*" admits any keys below it (free-form maps such as Kafka's config).
 */
final class CrdFields {
    private record Schema(Set<String> allowed, Set<String> required) {
    }

    private static final Set<String> METADATA = Set.of("metadata.name", "metadata.namespace", "metadata.labels.*", "metadata.annotations.*");

    private static final Map<String, Schema> SCHEMAS = Map.of(
            "kafka.strimzi.io/v1beta2 Kafka", new Schema(Set.of(
                    "spec.kafka.version", "spec.kafka.metadataVersion",
                    "spec.kafka.listeners[].name", "spec.kafka.listeners[].port", "spec.kafka.listeners[].type", "spec.kafka.listeners[].tls",
                    "spec.kafka.listeners[].networkPolicyPeers[].podSelector.matchLabels.*",
                    "spec.kafka.listeners[].networkPolicyPeers[].namespaceSelector.matchLabels.*",
                    "spec.kafka.config.*", "spec.kafka.rack.topologyKey",
                    "spec.entityOperator.topicOperator.*", "spec.entityOperator.userOperator.*"),
                    Set.of("spec.kafka.listeners")),
            "kafka.strimzi.io/v1beta2 KafkaNodePool", new Schema(Set.of(
                    "spec.replicas", "spec.roles[]", "spec.storage.type",
                    "spec.storage.volumes[].id", "spec.storage.volumes[].type", "spec.storage.volumes[].size",
                    "spec.storage.volumes[].deleteClaim", "spec.storage.volumes[].kraftMetadata", "spec.storage.volumes[].class",
                    "spec.resources.requests.cpu", "spec.resources.requests.memory", "spec.resources.limits.cpu", "spec.resources.limits.memory",
                    "spec.jvmOptions.-Xms", "spec.jvmOptions.-Xmx"),
                    Set.of("spec.replicas", "spec.roles", "spec.storage.type")),
            "kafka.strimzi.io/v1beta2 KafkaTopic", new Schema(Set.of(
                    "spec.topicName", "spec.partitions", "spec.replicas", "spec.config.*"),
                    Set.of("spec.partitions", "spec.replicas")),
            "postgresql.cnpg.io/v1 Cluster", new Schema(Set.of(
                    "spec.instances", "spec.imageName", "spec.storage.size", "spec.storage.storageClass",
                    "spec.bootstrap.initdb.database", "spec.bootstrap.initdb.owner",
                    "spec.resources.requests.cpu", "spec.resources.requests.memory", "spec.resources.limits.cpu", "spec.resources.limits.memory",
                    "spec.postgresql.parameters.*"),
                    Set.of("spec.instances", "spec.storage.size", "spec.bootstrap.initdb.database")),
            "keda.sh/v1alpha1 ScaledObject", new Schema(Set.of(
                    "spec.scaleTargetRef.name", "spec.minReplicaCount", "spec.maxReplicaCount", "spec.pollingInterval",
                    "spec.cooldownPeriod", "spec.triggers[].type",
                    "spec.triggers[].metadata.bootstrapServers", "spec.triggers[].metadata.consumerGroup", "spec.triggers[].metadata.topic",
                    "spec.triggers[].metadata.lagThreshold", "spec.triggers[].metadata.offsetResetPolicy",
                    "spec.triggers[].metadata.allowIdleConsumers"),
                    Set.of("spec.scaleTargetRef.name", "spec.triggers")),
            "minio.min.io/v2 Tenant", new Schema(Set.of(
                    "spec.configuration.name", "spec.requestAutoCert", "spec.buckets[].name",
                    "spec.pools[].name", "spec.pools[].servers", "spec.pools[].volumesPerServer",
                    "spec.pools[].volumeClaimTemplate.metadata.name", "spec.pools[].volumeClaimTemplate.spec.accessModes[]",
                    "spec.pools[].volumeClaimTemplate.spec.resources.requests.storage",
                    "spec.pools[].volumeClaimTemplate.spec.storageClassName",
                    "spec.pools[].resources.requests.cpu", "spec.pools[].resources.requests.memory",
                    "spec.pools[].resources.limits.cpu", "spec.pools[].resources.limits.memory"),
                    Set.of("spec.configuration.name", "spec.pools")));

    private CrdFields() {
    }

    static boolean knows(Map<String, Object> o) {
        return SCHEMAS.containsKey(o.get("apiVersion") + " " + o.get("kind"));
    }

    static List<String> problems(Map<String, Object> o) {
        Schema schema = SCHEMAS.get(o.get("apiVersion") + " " + o.get("kind"));
        List<String> problems = new ArrayList<>();
        for (String required : schema.required()) {
            if (Manifests.at(o, required) == null) {
                problems.add(Kustomize.id(o) + ": " + required + " is required");
            }
        }
        o.forEach((key, value) -> {
            if (!Set.of("apiVersion", "kind").contains(key)) {
                walk(value, key, schema, Kustomize.id(o), problems);
            }
        });
        return problems;
    }

    private static void walk(Object value, String path, Schema schema, String id, List<String> problems) {
        if (allowed(path + ".*", schema)) {
            return;
        }
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            m.forEach((k, v) -> walk(v, path + "." + k, schema, id, problems));
        } else if (value instanceof List<?> l && !l.isEmpty()) {
            l.forEach(item -> walk(item, path + "[]", schema, id, problems));
        } else if (!allowed(path, schema)) {
            problems.add(id + ": " + path + " is not a field these manifests are known to use; check the CRD and add it to CrdFields");
        }
    }

    private static boolean allowed(String path, Schema schema) {
        if (schema.allowed().contains(path) || METADATA.contains(path)) {
            return true;
        }
        // a free-form map: any key below "x.*"
        for (String a : schema.allowed()) {
            if (a.endsWith(".*") && path.startsWith(a.substring(0, a.length() - 1))) {
                return true;
            }
        }
        for (String a : METADATA) {
            if (a.endsWith(".*") && path.startsWith(a.substring(0, a.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
