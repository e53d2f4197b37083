package io.atelier.engine;

import java.util.Objects;

/**
 * A step's parent image, handed to the engine once: the engine takes the bytes when it decodes them and keeps no
 * reference after, so a 50 MP PNG's ~90 MB need not stay on the heap beside the frame while the step renders. The
 * caller must not keep the array either (a worker reads it from the store straight into one of these).
 */
public final class ParentImage {
    private byte[] bytes;

    private ParentImage(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    public static ParentImage of(byte[] bytes) {
        return new ParentImage(bytes);
    }

    /** The bytes, once: a second call is a programming error. */
    byte[] take() {
        byte[] taken = bytes;
        if (taken == null) {
            throw new IllegalStateException("the parent image was already taken");
        }
        bytes = null;
        return taken;
    }
}
