package io.atelier.imaging;

import java.util.Optional;

/** Image formats the decoder accepts, recognised by their leading bytes, never by a file name. */
public enum ImageFormat {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    WEBP("image/webp", "webp");

    private final String mediaType;
    private final String extension;

    ImageFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file-name extension to store an original of this format under. */
    public String extension() {
        return extension;
    }

    /** The format whose signature starts {@code bytes}, if it is one we accept. */
    public static Optional<ImageFormat> sniff(byte[] bytes) {
        if (Bytes.startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (Bytes.startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (Bytes.startsWith(bytes, 0, 'R', 'I', 'F', 'F') && Bytes.startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }
}
