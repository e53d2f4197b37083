package io.atelier.imaging;

import java.util.Arrays;
import java.util.Optional;

/**
 * A JPEG that any baseline decoder turns into the same sRGB pixels as {@link ImageDecoder}: three
 * 8-bit components (YCbCr), Huffman-coded (baseline, extended or progressive), no ICC profile to
 * convert from, no Adobe colour transform marker, upright (no EXIF turn), and ending with its EOI
 * marker (a cut file goes to the decoder that reports the cut). Only such files may take a native
 * decoder's fast path; every other case keeps the checked ImageIO path.
 *
 * @param width the stored width in pixels
 * @param height the stored height in pixels
 */
public record PlainJpeg(int width, int height) {
    private static final byte[] ICC_ID = {'I', 'C', 'C', '_', 'P', 'R', 'O', 'F', 'I', 'L', 'E', 0};
    private static final byte[] ADOBE_ID = {'A', 'd', 'o', 'b', 'e'};

    /** The plain-JPEG facts of {@code b}, or empty if anything about it needs the full decoder. Reads markers only. */
    static Optional<PlainJpeg> scan(byte[] b) {
        if (b.length < 4 || Bytes.u8(b, b.length - 2) != 0xFF || Bytes.u8(b, b.length - 1) != 0xD9) {
            return Optional.empty();
        }
        int at = 2;
        boolean colourSpecial = false;
        while (Bytes.has(b, at, 4) && Bytes.u8(b, at) == 0xFF) {
            int marker = Bytes.u8(b, at + 1);
            if (marker == 0xFF) {
                at++;
                continue;
            }
            int length = Bytes.u16be(b, at + 2);
            int data = at + 4;
            int size = length - 2;
            if (length < 2 || !Bytes.has(b, at + 2, length)) {
                return Optional.empty();
            }
            if (marker == 0xE2 && startsWith(b, data, size, ICC_ID) || marker == 0xEE && startsWith(b, data, size, ADOBE_ID)) {
                colourSpecial = true;
            }
            if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
                if (colourSpecial || size < 6 + 9 || Bytes.u8(b, data) != 8 || Bytes.u8(b, data + 5) != 3) {
                    return Optional.empty();
                }
                // a later APP2/APP14 could still follow the frame header: keep walking up to the scan
                int height = Bytes.u16be(b, data + 1);
                int width = Bytes.u16be(b, data + 3);
                return rest(b, at + 2 + length) ? Optional.of(new PlainJpeg(width, height)) : Optional.empty();
            }
            if (marker >= 0xC3 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC || marker == 0xDA) {
                return Optional.empty();
            }
            at += 2 + length;
        }
        return Optional.empty();
    }

    // true if no ICC or Adobe segment sits between the frame header and the first scan
    private static boolean rest(byte[] b, int at) {
        while (Bytes.has(b, at, 4) && Bytes.u8(b, at) == 0xFF) {
            int marker = Bytes.u8(b, at + 1);
            if (marker == 0xDA) {
                return true;
            }
            int length = Bytes.u16be(b, at + 2);
            if (length < 2 || !Bytes.has(b, at + 2, length)) {
                return false;
            }
            if (marker == 0xE2 && startsWith(b, at + 4, length - 2, ICC_ID) || marker == 0xEE && startsWith(b, at + 4, length - 2, ADOBE_ID)) {
                return false;
            }
            at += 2 + length;
        }
        return false;
    }

    private static boolean startsWith(byte[] b, int data, int size, byte[] id) {
        return size >= id.length && Arrays.equals(b, data, data + id.length, id, 0, id.length);
    }
}
