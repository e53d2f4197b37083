package io.atelier.imaging;

import java.util.Arrays;
import java.util.Optional;

/**
 * Walks a JPEG's marker segments up to the frame header (SOF): its size, components, precision and
 * coding process, and the first EXIF APP1 block. Embedded ICC profiles are left to the JPEG reader,
 * which applies them.
 */
final class JpegHeader {
    private static final byte[] EXIF_ID = {'E', 'x', 'i', 'f', 0, 0};

    private JpegHeader() {
    }

    static ImageHeader read(byte[] b, ImageHeader.SizeCheck sizeCheck) throws RejectedImageException {
        Optional<byte[]> exif = Optional.empty();
        int at = 2;
        while (true) {
            if (!Bytes.has(b, at, 2)) {
                throw corrupt("the file ends before the frame header");
            }
            if (Bytes.u8(b, at) != 0xFF) {
                throw corrupt("a marker is missing where one must be, at byte " + at);
            }
            while (at < b.length && Bytes.u8(b, at) == 0xFF) {
                at++; // fill bytes
            }
            if (at >= b.length) {
                throw corrupt("the file ends before the frame header");
            }
            int marker = Bytes.u8(b, at++);
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // stand-alone markers carry no length
            }
            if (marker == 0xD8 || marker == 0xD9 || marker == 0xDA || marker == 0x00) {
                throw corrupt("the image data starts before any frame header");
            }
            if (!Bytes.has(b, at, 2)) {
                throw corrupt("the file ends inside a marker segment");
            }
            int length = Bytes.u16be(b, at);
            if (length < 2 || !Bytes.has(b, at, length)) {
                throw corrupt("the file ends inside a marker segment");
            }
            int data = at + 2;
            int size = length - 2;
            if (marker == 0xE1 && exif.isEmpty() && size > EXIF_ID.length
                    && Arrays.equals(b, data, data + EXIF_ID.length, EXIF_ID, 0, EXIF_ID.length)) {
                exif = Optional.of(Arrays.copyOfRange(b, data + EXIF_ID.length, data + size));
            }
            if (isFrameHeader(marker)) {
                return frame(b, marker, data, size, exif, sizeCheck);
            }
            at += length;
        }
    }

    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static ImageHeader frame(byte[] b, int marker, int data, int size, Optional<byte[]> exif, ImageHeader.SizeCheck sizeCheck) throws RejectedImageException {
        if (size < 6) {
            throw corrupt("the frame header is too short");
        }
        int precision = Bytes.u8(b, data);
        int height = Bytes.u16be(b, data + 1);
        int width = Bytes.u16be(b, data + 3);
        int components = Bytes.u8(b, data + 5);
        if (size < 6 + 3 * components || components < 1 || components > 4) {
            throw corrupt("the frame header lists " + components + " colour components");
        }
        if (marker >= 0xC5 && marker != 0xCC) {
            throw unsupported("The JPEG uses " + (marker >= 0xC9 ? "arithmetic coding" : "hierarchical coding") + ", which we cannot read.");
        }
        boolean lossless = marker == 0xC3;
        if (!lossless && precision != 8) {
            throw unsupported("The JPEG stores " + precision + "-bit samples, which we cannot read.");
        }
        if (lossless && (precision < 2 || precision > 16)) {
            throw corrupt("the frame header gives " + precision + "-bit samples");
        }
        if (width == 0 || height == 0) {
            throw corrupt("the frame header gives no size");
        }
        sizeCheck.check(width, height);
        int bytesPerSample = precision > 8 ? 2 : 1;
        // The raw raster plus the reader's colour-converted copy; a progressive decode also holds
        // every DCT coefficient (2 bytes a sample) until the last scan.
        int perPixel = 2 * components * bytesPerSample + (marker == 0xC2 ? 2 * components : 0);
        return new ImageHeader(ImageFormat.JPEG, width, height, perPixel, exif, Optional.empty());
    }

    private static RejectedImageException unsupported(String problem) {
        return new RejectedImageException(RejectedImageException.Kind.UNSUPPORTED_FORMAT, problem,
                "Open it in a photo editor and save it again as a standard 8-bit JPEG, or as PNG.");
    }

    private static RejectedImageException corrupt(String detail) {
        return ImageHeader.corrupt(ImageFormat.JPEG, detail);
    }
}
