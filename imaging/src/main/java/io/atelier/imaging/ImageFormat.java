package io.atelier.imaging;

import java.util.Optional;

/** Image formats the engine accepts, recognised by their leading bytes, never by a file name. */
public enum ImageFormat {
    PNG("png", "image/png"),
    JPEG("jpeg", "image/jpeg");

    private final String readerName;
    private final String mediaType;

    ImageFormat(String readerName, String mediaType) {
        this.readerName = readerName;
        this.mediaType = mediaType;
    }

    public String readerName() {
        return readerName;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format whose signature starts {@code bytes}, if it is one we accept. */
    public static Optional<ImageFormat> sniff(byte[] bytes) {
        if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        return Optional.empty();
    }

    /** A name for a recognised but unsupported format, to make the rejection actionable. */
    static String describeUnsupported(byte[] bytes) {
        if (startsWith(bytes, 'G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (startsWith(bytes, 'R', 'I', 'F', 'F') && bytes.length > 12 && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return "a WebP image";
        }
        if (bytes.length > 12 && bytes[4] == 'f' && bytes[5] == 't' && bytes[6] == 'y' && bytes[7] == 'p') {
            return "a HEIC/AVIF image";
        }
        if (startsWith(bytes, 'I', 'I', 42, 0) || startsWith(bytes, 'M', 'M', 0, 42)) {
            return "a TIFF image";
        }
        if (startsWith(bytes, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        return "not an image we recognise";
    }

    private static boolean startsWith(byte[] bytes, int... signature) {
        if (bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
