package io.atelier.platform.storage;

/** An encoded image about to be stored: its bytes, media type and pixel size. */
public record ImageBytes(byte[] bytes, String contentType, int width, int height) {
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String WEBP = "image/webp";

    public ImageBytes {
        extensionOf(contentType);
    }

    public static ImageBytes png(byte[] bytes, int width, int height) {
        return new ImageBytes(bytes, PNG, width, height);
    }

    /** The file extension of its key. */
    public String extension() {
        return extensionOf(contentType);
    }

    static String extensionOf(String contentType) {
        return switch (contentType) {
            case PNG -> "png";
            case JPEG -> "jpg";
            case WEBP -> "webp";
            default -> throw new IllegalArgumentException("only PNG, JPEG and WebP images are stored, not " + contentType);
        };
    }
}
