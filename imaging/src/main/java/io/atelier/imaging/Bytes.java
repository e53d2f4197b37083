package io.atelier.imaging;

/** Bounds-checked reads of big- and little-endian numbers from a byte array, for header parsing. */
final class Bytes {
    private Bytes() {
    }

    static boolean startsWith(byte[] bytes, int offset, int... signature) {
        if (offset < 0 || bytes.length - offset < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean has(byte[] bytes, long offset, long length) {
        return offset >= 0 && length >= 0 && offset + length <= bytes.length;
    }

    static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    static int u16be(byte[] b, int at) {
        return (u8(b, at) << 8) | u8(b, at + 1);
    }

    static long u32be(byte[] b, int at) {
        return ((long) u16be(b, at) << 16) | u16be(b, at + 2);
    }

    static int u16le(byte[] b, int at) {
        return u8(b, at) | (u8(b, at + 1) << 8);
    }

    static int u24le(byte[] b, int at) {
        return u16le(b, at) | (u8(b, at + 2) << 16);
    }

    static long u32le(byte[] b, int at) {
        return u16le(b, at) | ((long) u16le(b, at + 2) << 16);
    }

    static String fourCc(byte[] b, int at) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            c[i] = (char) u8(b, at + i);
        }
        return new String(c);
    }
}
