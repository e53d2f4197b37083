package io.atelier.imaging;

/** An image that cannot be accepted; the message says why in words a person can act on. */
public final class RejectedImageException extends Exception {
    /** Why an image was rejected, for choosing the HTTP status. */
    public enum Kind { UNSUPPORTED_FORMAT, TOO_LARGE, CORRUPT }

    private final Kind kind;

    public RejectedImageException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
