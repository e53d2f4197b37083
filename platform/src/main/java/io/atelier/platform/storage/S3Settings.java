package io.atelier.platform.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the image bucket lives and how to sign requests to it. */
@ConfigMapping(prefix = "atelier.s3")
public interface S3Settings {
    String endpoint();

    @WithDefault("us-east-1")
    String region();

    String accessKey();

    String secretKey();

    @WithDefault("atelier-images")
    String bucket();
}
