package io.atelier.platform.storage;

import java.util.UUID;

/**
 * Object keys in the image bucket: {workspace}/{session}/{sha256}.{ext}, thumbnails under thumbs/, previews under previews/,
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

    /** The display-sized preview of an image, named by the image's own sha256 (the preview is a function of it). */
    public static String preview(String workspaceId, UUID sessionId, String imageSha256) {
        return workspaceId + "/" + sessionId + "/previews/" + imageSha256 + ".jpg";
    }

    /**
     * Whether an image key from an event lies under that event's workspace and session (thumbnails
     * included), so an event can never make a service read or serve another workspace's object. Keys with
     * dot segments or backslashes are refused outright: a file-backed store might resolve them elsewhere.
     */
    public static boolean belongsTo(String key, String workspaceId, UUID sessionId) {
        return key != null && key.startsWith(workspaceId + "/" + sessionId + "/")
                && !key.contains("/../") && !key.contains("/./") && !key.endsWith("/..") && !key.contains("\\") && !key.contains("//");
    }

    /** The subject matte of an image (by its content hash) as found by one method: shared by every branch of it. */
    public static String matte(String workspaceId, String method, String imageSha256) {
        return workspaceId + "/mattes/" + method.replaceAll("[^A-Za-z0-9._-]", "_") + "/" + imageSha256 + ".png";
    }
}
