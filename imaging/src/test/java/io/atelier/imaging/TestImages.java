package io.atelier.imaging;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/** Hand-made image bytes for tests of bad input; shared with the system tests through the engine's test-jar. */
public final class TestImages {
    private TestImages() {
    }

    /** A PNG signature and a valid IHDR chunk claiming the given size, with no pixel data at all. */
    public static byte[] pngHeaderClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes()).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }
}
