package io.atelier.stack;

/** Where the running stack's parts answer. */
public record Endpoints(
        String kafkaBootstrap,
        String sessionJdbcUrl,
        String galleryJdbcUrl,
        String s3Endpoint,
        String s3AccessKey,
        String s3SecretKey,
        String sessionUrl,
        String galleryUrl,
        String workerUrl) {
}
