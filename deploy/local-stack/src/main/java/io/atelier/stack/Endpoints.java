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
        java.util.List<String> workerUrls) {
    public Endpoints {
        workerUrls = java.util.List.copyOf(workerUrls);
    }

    /** The first render worker (health, metrics). */
    public String workerUrl() {
        return workerUrls.get(0);
    }
}
