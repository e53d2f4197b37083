package io.atelier.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.events.Topics;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docker-compose.yml cannot run here (no Docker engine), so everything that would break it at run time is checked statically. */
class ComposeFileTest {
    private final String compose = Repo.read("docker-compose.yml");

    @Test
    void theComposeFileHasNoProblems() {
        assertThat(new ComposeCheck(compose).problems()).isEmpty();
    }

    @Test
    void everyAtelierServiceIsBuiltFromTheServiceDockerfile() {
        Map<String, Map<String, Object>> services = new ComposeCheck(compose).services();
        assertThat(services).containsKeys("session-service", "render-worker", "gallery-service");
        assertThat(services.get("gallery-service")).containsKey("build");
    }

    @Test
    void aCommandUrlOnTheHostPortIsCaught() {
        // the bug this check was written for: the gallery forwarded commands to session-service:8081,
        // the host port, while the container listens on 8080
        String broken = compose.replace("http://session-service:8080", "http://session-service:8081");
        assertThat(broken).isNotEqualTo(compose);
        assertThat(new ComposeCheck(broken).problems()).singleElement().asString()
                .contains("gallery-service", "session-service:8081", "[8080]");
    }

    @Test
    void aDependencyWithoutHealthCheckIsCaught() {
        String broken = compose.replace("""
                      test: ["CMD-SHELL", "pg_isready -U postgres"]
                """, "");
        assertThat(broken).isNotEqualTo(compose);
        assertThat(new ComposeCheck(broken).problems()).anySatisfy(p -> assertThat(p).contains("postgres has no health check"));
    }

    @Test
    void aSettingNoServiceReadsIsCaught() {
        String broken = compose.replace("ATELIER_S3_ENDPOINT:", "ATELIER_S3_ENDPOINT_URL:");
        assertThat(new ComposeCheck(broken).problems()).anySatisfy(p -> assertThat(p).contains("ATELIER_S3_ENDPOINT_URL", "never reads"));
    }

    @Test
    void theBucketExistsBeforeAnyServiceStarts() {
        Map<String, Map<String, Object>> services = new ComposeCheck(compose).services();
        assertThat(String.valueOf(services.get("minio-bucket").get("command"))).contains("mb --ignore-existing local/atelier-images");
        for (String service : java.util.List.of("session-service", "render-worker", "gallery-service")) {
            assertThat(Manifests.map(services.get(service).get("depends_on"))).as(service).containsKey("minio-bucket");
        }
    }

    @Test
    void theTopicJobCreatesEveryTopicOfTheContract() {
        String command = String.valueOf(new ComposeCheck(compose).services().get("kafka-topics").get("command"));
        assertThat(command).contains(Topics.SESSION_EVENTS, Topics.RENDER_OUTCOMES, Topics.DEAD_LETTERS, "retention.ms=-1");
    }
}
