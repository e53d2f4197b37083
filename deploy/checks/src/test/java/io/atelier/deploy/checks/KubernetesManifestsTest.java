package io.atelier.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/k8s checked without a cluster: both overlays render, bind to their models and reference only what exists. */
class KubernetesManifestsTest {

    private static List<Map<String, Object>> render(String overlay) {
        return Kustomize.render(Repo.path("deploy/k8s/overlays/" + overlay));
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void overlayHasNoProblems(String overlay) {
        assertThat(new ManifestCheck(render(overlay)).problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"small", "production"})
    void overlayHasEveryPart(String overlay) {
        List<String> ids = render(overlay).stream().map(Kustomize::id).toList();
        assertThat(ids).contains("Deployment/session-service", "Deployment/render-worker", "Deployment/gallery-service",
                "Service/session-service", "Service/gallery-service", "Kafka/atelier", "KafkaNodePool/dual-role",
                "KafkaTopic/atelier-session-events", "KafkaTopic/atelier-render-outcomes", "KafkaTopic/atelier-dead-letters", "Cluster/atelier-session-db",
                "Cluster/atelier-gallery-db", "ScaledObject/render-worker", "Secret/atelier-s3", "NetworkPolicy/default-deny-ingress");
        assertThat(render(overlay)).allSatisfy(o -> assertThat(Manifests.mapAt(o, "metadata").get("namespace")).isEqualTo("atelier"));
    }

    @Test
    void overlaysDifferWhereTheySay() {
        Map<String, Object> smallWorker = find(render("small"), "Deployment", "render-worker");
        Map<String, Object> productionWorker = find(render("production"), "Deployment", "render-worker");
        assertThat(Manifests.at(Manifests.containers(smallWorker).getFirst(), "resources.limits.memory")).isEqualTo("1280Mi");
        Map<String, Object> container = Manifests.containers(productionWorker).getFirst();
        assertThat(Manifests.at(container, "resources.limits.memory")).isEqualTo("4Gi");
        // the strategic merge adds the model directory to the base's env instead of replacing it
        assertThat(Manifests.maps(container.get("env"))).extracting(e -> e.get("name"))
                .contains("ATELIER_WORKER_NAME", "ATELIER_S3_ACCESS_KEY", "ATELIER_MODELS_DIR");
        assertThat(find(render("small"), "Tenant", "atelier-s3")).isNotNull();
        assertThat(render("production")).noneMatch(o -> Manifests.kind(o).equals("Tenant"));
        assertThat(Manifests.at(find(render("small"), "Cluster", "atelier-session-db"), "spec.instances")).isEqualTo(1);
        assertThat(Manifests.at(find(render("production"), "Cluster", "atelier-session-db"), "spec.instances")).isEqualTo(3);
    }

    @Test
    void theProductionWorkerHasTheMemoryToLoadTheSubjectModel() {
        // a worker refuses the model when its limit cannot hold heap + model + JVM, and renders with the classical estimate
        // instead: a heap raised in the overlay without its limit would quietly turn IS-Net off in production
        Map<String, Object> container = Manifests.containers(find(render("production"), "Deployment", "render-worker")).getFirst();
        String javaOpts = Manifests.maps(container.get("env")).stream().filter(e -> "JAVA_OPTS".equals(e.get("name")))
                .map(e -> (String) e.get("value")).findFirst().orElseThrow();
        long heap = bytes(java.util.Arrays.stream(javaOpts.split("\\s+")).filter(o -> o.startsWith("-Xmx")).findFirst().orElseThrow()
                .substring(4));
        long limit = bytes((String) Manifests.at(container, "resources.limits.memory"));
        assertThat(heap).as("the production worker's heap (subject edits at 50 MP need 1536 MB)").isGreaterThanOrEqualTo(1536L << 20);
        assertThat(limit).as("limit against heap %d MiB + model + JVM", heap >> 20)
                .isGreaterThanOrEqualTo(io.atelier.engine.subject.SubjectDetectors.bytesNeeded(heap));
    }

    // a JVM size (1536m, 2g) or a Kubernetes quantity (3584Mi, 4Gi) in bytes
    private static long bytes(String size) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([kKmMgG])i?").matcher(size);
        assertThat(m.matches()).as(size).isTrue();
        int shift = switch (Character.toLowerCase(m.group(2).charAt(0))) {
            case 'k' -> 10;
            case 'm' -> 20;
            default -> 30;
        };
        return Long.parseLong(m.group(1)) << shift;
    }

    // Each mutation below is a mistake the check exists to catch.

    @Test
    void aMisspeltFieldIsCaughtByTheModel() {
        assertCaught(o -> container(o, "session-service").put("livenesProbe", Map.of()), "livenesProbe");
    }

    @Test
    void aMisspeltCustomResourceFieldIsCaught() {
        assertCaught(o -> Manifests.mapAt(find(o, "KafkaTopic", "atelier-session-events"), "spec").put("replica", 3), "spec.replica");
    }

    @Test
    void aServiceTargetPortNoContainerHasIsCaught() {
        assertCaught(o -> Manifests.listAt(find(o, "Service", "session-service"), "spec.ports").getFirst().put("targetPort", "web"),
                "targetPort web");
    }

    @Test
    void aSelectorThatMatchesNoPodIsCaught() {
        assertCaught(o -> Manifests.mapAt(find(o, "Service", "gallery-service"), "spec.selector").put("app.kubernetes.io/name", "gallery"),
                "matches no pods");
    }

    @Test
    void aMissingSecretIsCaught() {
        assertCaught(o -> o.removeIf(x -> Kustomize.id(x).equals("Secret/atelier-s3")), "Secret atelier-s3 does not exist");
    }

    @Test
    void aWrongConsumerGroupIsCaught() {
        assertCaught(o -> Manifests.maps(Manifests.at(find(o, "ScaledObject", "render-worker"), "spec.triggers")).getFirst()
                .put("metadata", Map.of("consumerGroup", "render-workers", "topic", "atelier.session-events",
                        "bootstrapServers", "atelier-kafka-bootstrap:9092")), "consumer group render-workers");
    }

    @Test
    void aSettingNoServiceReadsIsCaught() {
        assertCaught(o -> Manifests.mapAt(find(o, "ConfigMap", "atelier-config"), "data").put("ATELIER_S3_BUCKET_NAME", "x"),
                "ATELIER_S3_BUCKET_NAME, which");
    }

    @Test
    void aDatabaseUrlToAnotherDatabaseIsCaught() {
        assertCaught(o -> Manifests.maps(container(o, "gallery-service").get("env")).stream()
                .filter(e -> e.get("name").equals("QUARKUS_DATASOURCE_JDBC_URL")).findFirst().orElseThrow()
                .put("value", "jdbc:postgresql://atelier-gallery-db-rw:5432/atelier_session"), "does not match atelier-gallery-db");
    }

    @Test
    void aSessionLogWithoutInfiniteRetentionIsCaught() {
        assertCaught(o -> Manifests.mapAt(find(o, "KafkaTopic", "atelier-session-events"), "spec.config").put("retention.ms", 604800000),
                "retention.ms is 604800000, expected -1");
    }

    @Test
    void aSecondPublicServiceIsCaught() {
        assertCaught(o -> Manifests.listAt(find(o, "NetworkPolicy", "session-service-from-gallery"), "spec.ingress").getFirst().remove("from"),
                "only the gallery may be public");
    }

    private static void assertCaught(Consumer<List<Map<String, Object>>> mistake, String expected) {
        List<Map<String, Object>> objects = new java.util.ArrayList<>(render("small"));
        mistake.accept(objects);
        assertThat(new ManifestCheck(objects).problems()).anySatisfy(p -> assertThat(p).contains(expected));
    }

    private static Map<String, Object> container(List<Map<String, Object>> objects, String deployment) {
        return Manifests.containers(find(objects, "Deployment", deployment)).getFirst();
    }

    private static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream().filter(o -> Manifests.kind(o).equals(kind) && Manifests.name(o).equals(name)).findFirst().orElse(null);
    }
}
