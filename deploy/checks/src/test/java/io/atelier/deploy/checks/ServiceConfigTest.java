package io.atelier.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The environment-variable rule the compose and Kubernetes checks rely on. */
class ServiceConfigTest {
    @Test
    void readsKeysFromPropertiesAndFromConfigMappings() {
        ServiceConfig worker = ServiceConfig.of("render-worker");
        assertThat(worker.reads("ATELIER_WORKER_NAME")).isTrue();             // application.properties
        assertThat(worker.reads("ATELIER_S3_BUCKET")).isTrue();               // @WithDefault in platform's S3Settings only
        assertThat(worker.reads("ATELIER_MODELS_DIR")).isTrue();              // ${ATELIER_MODELS_DIR:…} in a value
        assertThat(worker.reads("JAVA_OPTS")).isTrue();                       // the image's entrypoint
        assertThat(worker.reads("ATELIER_S3_BUKET")).isFalse();
        assertThat(worker.reads("QUARKUS_DATASOURCE_JDBC_URL")).isFalse();    // the worker has no database
        assertThat(ServiceConfig.of("gallery-service").reads("ATELIER_GALLERY_SESSION_SERVICE_URL")).isTrue();
    }

    @Test
    void envNamesFollowQuarkusRule() {
        assertThat(ServiceConfig.envName("atelier.gallery.session-service-url")).isEqualTo("ATELIER_GALLERY_SESSION_SERVICE_URL");
    }
}
