package io.atelier.events;

import java.util.Objects;

/** A stored image: its object key in the image bucket, content hash, pixel size and byte size. */
public record ImageRef(String key, String sha256, int width, int height, String contentType, long bytes) {
    public ImageRef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(contentType, "contentType");
    }
}
