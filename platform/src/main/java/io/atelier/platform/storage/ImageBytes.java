package io.atelier.platform.storage;

/** An encoded image about to be stored: its bytes, media type and pixel size. */
public record ImageBytes(byte[] bytes, String contentType, int width, int height) {
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";

    public ImageBytes {
        if (!contentType.equals(PNG) && !contentType.equals(JPEG)) {
            throw new IllegalArgumentException("only PNG and JPEG images are stored, not " + contentType);
        }
    }

    public static ImageBytes png(byte[] bytes, int width, int height) {
        return new ImageBytes(bytes, PNG, width, height);
    }

    /** The file extension of its key. */
    public String extension() {
        return contentType.equals(PNG) ? "png" : "jpg";
    }
}
