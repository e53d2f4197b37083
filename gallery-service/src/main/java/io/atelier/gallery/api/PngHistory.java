package io.atelier.gallery.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Writes and reads a PNG's history as an uncompressed iTXt chunk placed right after IHDR: the image data chunks are
 * copied untouched, so the pixels (and every decoder's output) stay exactly what the event recorded.
 */
public final class PngHistory {
    /** The iTXt keyword the history is stored under (Latin-1, 1 to 79 characters, as PNG requires). */
    public static final String KEYWORD = "atelier:history";
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngHistory() {
    }

    /** The PNG with an iTXt chunk holding {@code text} (UTF-8) under {@link #KEYWORD}; anything but a PNG is refused. */
    public static byte[] withHistory(byte[] png, String text) {
        requirePng(png);
        int afterIhdr = SIGNATURE.length + 8 + length(png, SIGNATURE.length) + 4;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
        data.write(0); // keyword terminator
        data.write(0); // not compressed
        data.write(0); // compression method (none used)
        data.write(0); // empty language tag
        data.write(0); // empty translated keyword
        data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        byte[] chunk = chunk("iTXt", data.toByteArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + chunk.length);
        out.write(png, 0, afterIhdr);
        out.writeBytes(chunk);
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    /** The text of the first iTXt chunk under {@link #KEYWORD}, if any. */
    public static Optional<String> read(byte[] png) {
        requirePng(png);
        int at = SIGNATURE.length;
        while (at + 8 <= png.length) {
            int length = length(png, at);
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("iTXt")) {
                byte[] data = Arrays.copyOfRange(png, at + 8, at + 8 + length);
                int nul = indexOf(data, 0, 0);
                if (nul > 0 && new String(data, 0, nul, StandardCharsets.ISO_8859_1).equals(KEYWORD) && data[nul + 1] == 0) {
                    int language = indexOf(data, nul + 3, 0);
                    int translated = indexOf(data, language + 1, 0);
                    return Optional.of(new String(data, translated + 1, data.length - translated - 1, StandardCharsets.UTF_8));
                }
            }
            if (type.equals("IEND")) {
                break;
            }
            at += 12 + length;
        }
        return Optional.empty();
    }

    /** The concatenated data of every IDAT chunk: the compressed pixels, which the history must leave alone. */
    public static byte[] imageData(byte[] png) {
        requirePng(png);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = SIGNATURE.length;
        while (at + 8 <= png.length) {
            int length = length(png, at);
            if (new String(png, at + 4, 4, StandardCharsets.ISO_8859_1).equals("IDAT")) {
                out.write(png, at + 8, length);
            }
            at += 12 + length;
        }
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue()).array();
    }

    private static void requirePng(byte[] png) {
        if (png.length < SIGNATURE.length + 25 || !Arrays.equals(Arrays.copyOf(png, SIGNATURE.length), SIGNATURE)
                || !new String(png, SIGNATURE.length + 4, 4, StandardCharsets.ISO_8859_1).equals("IHDR")) {
            throw new IllegalArgumentException("not a PNG");
        }
    }

    private static int length(byte[] png, int at) {
        return ByteBuffer.wrap(png, at, 4).getInt();
    }

    private static int indexOf(byte[] data, int from, int value) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == value) {
                return i;
            }
        }
        return data.length;
    }
}
