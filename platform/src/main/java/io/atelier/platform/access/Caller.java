package io.atelier.platform.access;

/** Who is calling: the workspace their key belongs to, the key's prefix, and the key itself (to forward it). */
public record Caller(String workspaceId, String keyPrefix, String key) {
    @Override
    public String toString() {
        return "Caller[" + workspaceId + ", atk_" + keyPrefix + "_…]"; // never log the secret
    }
}
