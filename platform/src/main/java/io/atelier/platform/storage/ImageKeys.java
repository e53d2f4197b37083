package io.atelier.platform.storage;

import java.util.UUID;

/**
 * Object keys in the image bucket: {workspace}/{session}/{sha256}.{ext}, thumbnails under thumbs/,
 * subject mattes under {workspace}/mattes/{method}/{sha256 of the image}.png.
 */
public final class ImageKeys {
    private ImageKeys() {
    }

    public static String image(String workspaceId, UUID sessionId, String sha256, String extension) {
        return workspaceId + "/" + sessionId + "/" + sha256 + "." + extension;
    }

    public static String thumbnail(String workspaceId, UUID sessionId, String sha256) {
        return workspaceId + "/" + sessionId + "/thumbs/" + sha256 + ".png";
    }

    /** The subject matte of an image (by its content hash) as found by one method: shared by every branch of it. */
    public static String matte(String workspaceId, String method, String imageSha256) {
        return workspaceId + "/mattes/" + method.replaceAll("[^A-Za-z0-9._-]", "_") + "/" + imageSha256 + ".png";
    }
}
