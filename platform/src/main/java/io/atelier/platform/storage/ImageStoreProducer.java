package io.atelier.platform.storage;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/** Makes the configured image bucket injectable and creates it if missing. */
@ApplicationScoped
public class ImageStoreProducer {

    @Produces
    @ApplicationScoped
    @Startup
    ImageStore imageStore(S3Settings settings) {
        ImageStore store = new ImageStore(settings);
        store.ensureBucket();
        return store;
    }

    void close(@Disposes ImageStore store) {
        store.close();
    }
}
