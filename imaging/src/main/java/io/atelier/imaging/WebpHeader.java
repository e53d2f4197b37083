package io.atelier.imaging;

import com.twelvemonkeys.imageio.color.ColorProfiles;
import java.awt.color.CMMException;
import java.awt.color.ColorSpace;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a WebP's RIFF chunks: the size from the VP8, VP8L or VP8X header, whether it is animated,
 * and its EXIF chunk. The WebP reader applies an ICCP profile itself.
 */
final class WebpHeader {
    private static final byte[] EXIF_PREFIX = {'E', 'x', 'i', 'f', 0, 0};

    private WebpHeader() {
    }

    static ImageHeader read(byte[] b, ImageHeader.SizeCheck sizeCheck) throws RejectedImageException {
        if (!Bytes.has(b, 12, 8)) {
            throw corrupt("the file ends before the first chunk");
        }
        String first = Bytes.fourCc(b, 12);
        int data = 20;
        // The size comes first (a header-only file claiming a huge size is too large, not truncated);
        // each fixed-size header it sits in is at most 10 bytes.
        int headerBytes = Math.min(b.length - data, 10);
        ImageHeader header = switch (first) {
            case "VP8 " -> lossy(b, data, headerBytes);
            case "VP8L" -> lossless(b, data, headerBytes);
            case "VP8X" -> extended(b, data, headerBytes);
            default -> throw corrupt("the first chunk is not an image");
        };
        sizeCheck.check(header.width(), header.height());
        long riffEnd = Bytes.u32le(b, 4) + 8;
        long size = Bytes.u32le(b, 16);
        if (riffEnd > b.length || !Bytes.has(b, data, size)) {
            throw corrupt("the file is shorter than its RIFF header says");
        }
        if (first.equals("VP8X")) {
            if (size < 10) {
                throw corrupt("the VP8X header is too short");
            }
            return chunks(b, header, data + (int) size + (int) (size & 1), (int) riffEnd);
        }
        return header;
    }

    private static ImageHeader lossy(byte[] b, int data, int size) throws RejectedImageException {
        if (size < 10 || (Bytes.u8(b, data) & 1) != 0 || !Bytes.startsWith(b, data + 3, 0x9D, 0x01, 0x2A)) {
            throw corrupt("the VP8 key frame header is missing");
        }
        return image(Bytes.u16le(b, data + 6) & 0x3FFF, Bytes.u16le(b, data + 8) & 0x3FFF, Optional.empty());
    }

    private static ImageHeader lossless(byte[] b, int data, int size) throws RejectedImageException {
        if (size < 5 || Bytes.u8(b, data) != 0x2F) {
            throw corrupt("the VP8L header is missing");
        }
        long bits = Bytes.u32le(b, data + 1);
        if (bits >>> 29 != 0) {
            throw corrupt("the VP8L version is unknown");
        }
        return image((bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1, Optional.empty());
    }

    private static ImageHeader extended(byte[] b, int data, int size) throws RejectedImageException {
        if (size < 10) {
            throw corrupt("the VP8X header is too short");
        }
        int flags = Bytes.u8(b, data);
        if ((flags & 0x02) != 0) {
            throw new RejectedImageException(RejectedImageException.Kind.UNSUPPORTED_FORMAT,
                    "The file is an animated WebP; we edit still images.", "Save the frame you want as a PNG or JPEG and upload that.");
        }
        return image(Bytes.u24le(b, data + 4) + 1L, Bytes.u24le(b, data + 7) + 1L, Optional.empty());
    }

    // The chunks after VP8X: the image bitstream (required) and EXIF; animation frames are out of place in a still.
    private static ImageHeader chunks(byte[] b, ImageHeader canvas, int first, int riffEnd) throws RejectedImageException {
        Optional<byte[]> exif = Optional.empty();
        boolean image = false;
        int iccpChunk = -1;
        long at = first;
        while (at + 8 <= riffEnd) {
            int chunk = (int) at;
            String type = Bytes.fourCc(b, chunk);
            long length = Bytes.u32le(b, chunk + 4);
            if (!Bytes.has(b, chunk + 8L, length)) {
                throw corrupt("the file ends inside a chunk");
            }
            switch (type) {
                case "VP8 ", "VP8L" -> image = true;
                case "ANIM", "ANMF" -> throw corrupt("animation frames in a still image");
                case "ICCP" -> iccpChunk = iccpChunk < 0 ? chunk : iccpChunk;
                case "EXIF" -> exif = exif.isPresent() ? exif : Optional.of(stripPrefix(Arrays.copyOfRange(b, chunk + 8, chunk + 8 + (int) length)));
                default -> { }
            }
            at = chunk + 8 + length + (length & 1);
        }
        if (!image) {
            throw corrupt("there is no image data");
        }
        ImageHeader header = image(canvas.width(), canvas.height(), exif);
        if (iccpChunk >= 0 && !usableRgbProfile(b, iccpChunk)) {
            return new ImageHeader(header.format(), header.width(), header.height(), header.decodeBytesPerPixel(), exif, Optional.empty(),
                    Optional.of(withoutChunk(b, iccpChunk)));
        }
        return header;
    }

    private static boolean usableRgbProfile(byte[] b, int chunk) {
        int length = (int) Bytes.u32le(b, chunk + 4);
        try {
            return ColorProfiles.createProfile(Arrays.copyOfRange(b, chunk + 8, chunk + 8 + length)).getColorSpaceType() == ColorSpace.TYPE_RGB;
        } catch (IllegalArgumentException | CMMException e) {
            return false;
        }
    }

    // The file without that chunk, its VP8X "has ICC profile" flag cleared and the RIFF size adjusted.
    private static byte[] withoutChunk(byte[] b, int chunk) {
        long length = Bytes.u32le(b, chunk + 4);
        int end = (int) Math.min(b.length, chunk + 8 + length + (length & 1));
        byte[] out = new byte[b.length - (end - chunk)];
        System.arraycopy(b, 0, out, 0, chunk);
        System.arraycopy(b, end, out, chunk, b.length - end);
        out[20] &= (byte) ~0x20;
        long riff = Bytes.u32le(out, 4) - (end - chunk);
        for (int i = 0; i < 4; i++) {
            out[4 + i] = (byte) (riff >>> (8 * i));
        }
        return out;
    }

    // Some writers keep JPEG's "Exif\0\0" prefix in the chunk; the TIFF structure follows it.
    private static byte[] stripPrefix(byte[] exif) {
        return exif.length > EXIF_PREFIX.length && Arrays.equals(exif, 0, EXIF_PREFIX.length, EXIF_PREFIX, 0, EXIF_PREFIX.length)
                ? Arrays.copyOfRange(exif, EXIF_PREFIX.length, exif.length) : exif;
    }

    private static ImageHeader image(long width, long height, Optional<byte[]> exif) throws RejectedImageException {
        if (width == 0 || height == 0) {
            throw corrupt("the header gives no size");
        }
        // The reader decodes into 4-byte ARGB pixels, and a lossy frame into YUV planes (1.5 bytes) and an alpha plane first.
        return new ImageHeader(ImageFormat.WEBP, width, height, 7, exif, Optional.empty());
    }

    private static RejectedImageException corrupt(String detail) {
        return ImageHeader.corrupt(ImageFormat.WEBP, detail);
    }
}
