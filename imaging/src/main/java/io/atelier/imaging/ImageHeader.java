package io.atelier.imaging;

import java.util.Optional;

/**
 * What a file's header says before any pixel is decoded: its stored size, the bytes a pixel costs
 * while the format's decoder works on it, and the metadata blocks the decoder does not apply itself.
 *
 * @param decodeBytesPerPixel peak bytes per pixel held by the format's decoder, before conversion to 8-bit sRGB
 * @param exif the EXIF block (a TIFF structure), if the file has one
 * @param iccProfile an embedded ICC profile the format's decoder ignores (PNG's iCCP), if any
 * @param repaired the file with a part removed that its reader would fail on but browsers ignore
 *                 (an unreadable WebP ICCP chunk), if there was one
 */
record ImageHeader(ImageFormat format, long width, long height, int decodeBytesPerPixel, Optional<byte[]> exif, Optional<byte[]> iccProfile,
        Optional<byte[]> repaired) {
    ImageHeader(ImageFormat format, long width, long height, int decodeBytesPerPixel, Optional<byte[]> exif, Optional<byte[]> iccProfile) {
        this(format, width, height, decodeBytesPerPixel, exif, iccProfile, Optional.empty());
    }

    /** Checks a width and height as soon as a parser has read them, before it reads on. */
    @FunctionalInterface
    interface SizeCheck {
        void check(long width, long height) throws RejectedImageException;
    }

    /**
     * Parses the header of {@code bytes}, calling {@code sizeCheck} as soon as the size is known, so a
     * file claiming a huge size is refused for that even if what follows its header is missing.
     */
    static ImageHeader read(ImageFormat format, byte[] bytes, SizeCheck sizeCheck) throws RejectedImageException {
        return switch (format) {
            case PNG -> PngHeader.read(bytes, sizeCheck);
            case JPEG -> JpegHeader.read(bytes, sizeCheck);
            case WEBP -> WebpHeader.read(bytes, sizeCheck);
        };
    }

    static RejectedImageException corrupt(ImageFormat format, String detail) {
        return new RejectedImageException(RejectedImageException.Kind.CORRUPT,
                "The " + format.name() + " data is damaged or truncated (" + detail + ").", "Export it again and re-upload.");
    }
}
