package io.atelier.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/** Hostile and odd image bytes made in code: headers claiming huge sizes, bombs, malformed metadata. */
public final class HostileImages {
    private HostileImages() {
    }

    /** SOI and a baseline frame header claiming the given size, then nothing. */
    public static byte[] jpegSofClaiming(int width, int height) {
        return jpegFrame(0xC0, 8, width, height, 3);
    }

    /** SOI and a frame header of the given marker, precision, size and component count, then nothing. */
    public static byte[] jpegFrame(int marker, int precision, int width, int height, int components) {
        ByteBuffer b = ByteBuffer.allocate(2 + 4 + 6 + 3 * components);
        b.put((byte) 0xFF).put((byte) 0xD8).put((byte) 0xFF).put((byte) marker).putShort((short) (8 + 3 * components));
        b.put((byte) precision).putShort((short) height).putShort((short) width).put((byte) components);
        for (int c = 1; c <= components; c++) {
            b.put((byte) c).put((byte) 0x11).put((byte) 0);
        }
        return b.array();
    }

    /** A WebP whose lossy key-frame header claims the given size, with no frame data. */
    public static byte[] webpVp8Claiming(int width, int height) {
        ByteBuffer vp8 = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        vp8.put((byte) 0x10).put((byte) 0x02).put((byte) 0).put((byte) 0x9D).put((byte) 0x01).put((byte) 0x2A);
        vp8.putShort((short) width).putShort((short) height);
        return TestImages.riff(TestImages.webpChunk("VP8 ", vp8.array()));
    }

    /** A WebP whose lossless header claims the given size, with no image data. */
    public static byte[] webpVp8lClaiming(int width, int height) {
        ByteBuffer vp8l = ByteBuffer.allocate(5).order(ByteOrder.LITTLE_ENDIAN);
        vp8l.put((byte) 0x2F).putInt((width - 1) | ((height - 1) << 14));
        return TestImages.riff(TestImages.webpChunk("VP8L", vp8l.array()));
    }

    /** An extended WebP whose canvas claims the given size (up to 2^24 a side), with no image chunk. */
    public static byte[] webpVp8xClaiming(int width, int height) {
        ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put((byte) 0).put(new byte[3]);
        vp8x.put((byte) (width - 1)).put((byte) ((width - 1) >> 8)).put((byte) ((width - 1) >> 16));
        vp8x.put((byte) (height - 1)).put((byte) ((height - 1) >> 8)).put((byte) ((height - 1) >> 16));
        return TestImages.riff(TestImages.webpChunk("VP8X", vp8x.array()));
    }

    /** A complete, valid PNG of all-zero pixels: a few hundred kB that inflate to the full raster. */
    public static byte[] pngBomb(int width, int height, int depth, int colourType) {
        int channels = switch (colourType) {
            case 0, 3 -> 1;
            case 2 -> 3;
            case 4 -> 2;
            default -> 4;
        };
        long rowBytes = 1 + ((long) width * channels * depth + 7) / 8; // filter byte 0, then zero samples
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) depth).put((byte) colourType).put(new byte[3]);
        return TestImages.concat(TestImages.pngSignature(), TestImages.pngChunk("IHDR", ihdr.array()),
                TestImages.pngChunk("IDAT", zlibZeros(rowBytes * height)), TestImages.pngChunk("IEND", new byte[0]));
    }

    /**
     * A zlib stream inflating to {@code length} zero bytes, made without compressing them all: one
     * MiB of zeros deflated on its own (sync-flushed, so it ends on a byte boundary and refers to
     * nothing before it) is repeated, then the rest, an empty final block and the Adler-32.
     */
    public static byte[] zlibZeros(long length) {
        int chunk = 1 << 20;
        byte[] full = rawDeflate(new byte[chunk]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x78);
        out.write(0xDA);
        for (long i = 0; i < length / chunk; i++) {
            out.writeBytes(full);
        }
        out.writeBytes(rawDeflate(new byte[(int) (length % chunk)]));
        out.write(0x03); // final fixed-Huffman block holding only end-of-block
        out.write(0x00);
        long a = 1;
        long b = length % 65521; // Adler-32 of zeros: a stays 1, b adds a once per byte
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) ((b << 16) | a)).array());
        return out.toByteArray();
    }

    private static byte[] rawDeflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        deflater.end();
        return out.toByteArray();
    }

    /** An ISO base media 'ftyp' box (HEIF, AVIF) with the given major and compatible brands. */
    public static byte[] ftyp(String major, String... compatible) {
        ByteBuffer box = ByteBuffer.allocate(16 + 4 * compatible.length + 16);
        box.putInt(16 + 4 * compatible.length).put(ascii("ftyp")).put(ascii(major)).putInt(0);
        for (String brand : compatible) {
            box.put(ascii(brand));
        }
        box.putInt(16).put(ascii("meta")).putInt(0).putInt(0);
        return box.array();
    }

    /** A TIFF (EXIF) structure with one IFD of raw 12-byte entries and the given next-IFD offset. */
    public static byte[] tiff(int nextIfd, int declaredEntries, int[]... entries) {
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 12 * entries.length + 4);
        b.put(ascii("MM")).putShort((short) 42).putInt(8).putShort((short) declaredEntries);
        for (int[] e : entries) {
            b.putShort((short) e[0]).putShort((short) e[1]).putInt(e[2]).putInt(e[3]);
        }
        return b.putInt(nextIfd).array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
