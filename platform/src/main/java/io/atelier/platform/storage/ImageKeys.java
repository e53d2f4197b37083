package io.atelier.platform.storage;

import java.util.UUID;

/** Object keys in the image bucket: {workspace}/{session}/{sha256}.{ext}, thumbnails under thumbs/. */
public final class ImageKeys {
    private ImageKeys() {
    }

    public static String image(String workspaceId, UUID sessionId, String sha256, String extension) {
        return workspaceId + "/" + sessionId + "/" + sha256 + "." + extension;
    }

    public static String thumbnail(String workspaceId, UUID sessionId, String sha256) {
        return workspaceId + "/" + sessionId + "/thumbs/" + sha256 + ".png";
    }
}
