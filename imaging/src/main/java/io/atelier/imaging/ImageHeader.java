package io.atelier.imaging;

import java.util.Optional;

/**
 * What a file's header says before any pixel is decoded: its stored size, the bytes a pixel costs
 * while the format's decoder works on it, and the metadata blocks the decoder does not apply itself.
 *
 * @param decodeBytesPerPixel peak bytes per pixel held by the format's decoder, before conversion to 8-bit sRGB
 * @param exif the EXIF block (a TIFF structure), if the file has one
 * @param iccProfile an embedded ICC profile the format's decoder ignores (PNG's iCCP), if any
 */
record ImageHeader(ImageFormat format, long width, long height, int decodeBytesPerPixel, Optional<byte[]> exif, Optional<byte[]> iccProfile) {
    static ImageHeader read(ImageFormat format, byte[] bytes) throws RejectedImageException {
        return switch (format) {
            case PNG -> PngHeader.read(bytes);
            case JPEG -> JpegHeader.read(bytes);
            case WEBP -> WebpHeader.read(bytes);
        };
    }

    static RejectedImageException corrupt(ImageFormat format, String detail) {
        return new RejectedImageException(RejectedImageException.Kind.CORRUPT,
                "The " + format.name() + " data is damaged or truncated (" + detail + ").", "Export it again and re-upload.");
    }
}
