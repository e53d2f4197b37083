package io.atelier.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A step's parent image, handed to the engine once: as bytes the engine lets go of once decoded, or as a stored file
 * it reads as it decodes, so a 50 MP PNG's ~90 MB need never be whole on the heap beside the frame. The caller must
 * not keep the array either (a worker reads it from the store straight into one of these).
 */
public final class ParentImage {
    /** Opens the stored file from its first byte; the engine closes what it opens. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** The parent's stored file could not be read (the store failed mid-read): the render may well succeed later. */
    public static final class Unreadable extends UncheckedIOException {
        Unreadable(IOException cause) {
            super("the parent image could not be read from the store: " + cause.getMessage(), cause);
        }
    }

    private byte[] bytes;
    private final Optional<Opener> stored;

    private ParentImage(byte[] bytes, Optional<Opener> stored) {
        this.bytes = bytes;
        this.stored = stored;
    }

    public static ParentImage of(byte[] bytes) {
        return new ParentImage(Objects.requireNonNull(bytes, "bytes"), Optional.empty());
    }

    /** A parent read from the store as it is decoded; {@code opener} may be called again for a file that must be read whole. */
    public static ParentImage stored(Opener opener) {
        return new ParentImage(null, Optional.of(opener));
    }

    /** The opener of a stored parent; empty for one given as bytes. */
    Optional<Opener> opener() {
        return stored;
    }

    /** The bytes, once (for a stored parent, read whole now): a second call is a programming error. */
    byte[] take() {
        if (stored.isPresent()) {
            try (InputStream in = stored.get().open()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new Unreadable(e);
            }
        }
        byte[] taken = bytes;
        if (taken == null) {
            throw new IllegalStateException("the parent image was already taken");
        }
        bytes = null;
        return taken;
    }
}
