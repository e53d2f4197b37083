package io.atelier.imaging;

import java.util.Optional;

/** An image that cannot be accepted; the message says why in words a person can act on. */
public final class RejectedImageException extends Exception {
    /** Why an image was rejected, for choosing the HTTP status. */
    public enum Kind { UNSUPPORTED_FORMAT, TOO_LARGE, CORRUPT }

    private final Kind kind;
    private final String hint;

    public RejectedImageException(Kind kind, String message) {
        super(message);
        this.kind = kind;
        this.hint = "";
    }

    /** A rejection whose message is {@code problem} followed by {@code hint}, what to do about it. */
    public RejectedImageException(Kind kind, String problem, String hint) {
        super(problem + " " + hint);
        this.kind = kind;
        this.hint = hint;
    }

    public Kind kind() {
        return kind;
    }

    /** What the person can do to get the image accepted, when there is more to say than the message. */
    public Optional<String> hint() {
        return hint.isEmpty() ? Optional.empty() : Optional.of(hint);
    }
}
