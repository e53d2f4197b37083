package io.atelier.platform;

import io.atelier.platform.testing.LocalStackResource;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The broker and S3 server for the platform's tests: started once per test JVM, stopped when its tests are done. */
public final class PlatformStack implements BeforeAllCallback {
    private static Map<String, String> config;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (PlatformStack.class) {
            if (config == null) {
                LocalStackResource resource = new LocalStackResource();
                resource.init(Map.of(LocalStackResource.PARTS, "kafka,s3"));
                config = resource.start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("atelier-platform-stack",
                        (AutoCloseable) resource::stop);
            }
        }
    }

    /** A setting the stack gives a service, e.g. {@code atelier.kafka.bootstrap-servers}. */
    public static String setting(String name) {
        return config.get(name);
    }
}
