package io.atelier.imaging;

import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A PNG whose pixels can be read row by row without the JDK's reader and come out as {@link ImageDecoder} gives
 * them: 8-bit RGB or RGBA, not interlaced, no tRNS colour key, and (checked by {@link ImageDecoder#plainPng}) no ICC
 * profile and no EXIF turn. Every render after the upload reads such a file (the engine writes them), so reading
 * its rows straight into the caller's frame spares a full 8-bit copy of the picture on the heap.
 *
 * @param width the width in pixels
 * @param height the height in pixels
 * @param alpha whether the rows carry alpha (RGBA, four bytes a pixel) or not (RGB, three)
 */
public record PlainPng(int width, int height, boolean alpha) {
    private static final int MAX_ROW_BYTES = Integer.MAX_VALUE - 16;

    /** Receives the picture's rows in order, as 8-bit interleaved R, G, B (and A); {@code row} is reused after the call. */
    @FunctionalInterface
    public interface RowSink {
        void row(int y, byte[] row);
    }

    /** Bytes of one row of pixels (without the filter byte). */
    public int rowBytes() {
        return width * (alpha ? 4 : 3);
    }

    /** The plain-PNG facts of {@code b}, a PNG whose chunks {@link PngHeader} has already checked; empty if the full decoder must read it. */
    static Optional<PlainPng> scan(byte[] b) {
        int depth = Bytes.u8(b, 24);
        int colourType = Bytes.u8(b, 25);
        int interlace = Bytes.u8(b, 28);
        long width = Bytes.u32be(b, 16);
        long height = Bytes.u32be(b, 20);
        if (depth != 8 || (colourType != 2 && colourType != 6) || interlace != 0 || width * (colourType == 6 ? 4 : 3) > MAX_ROW_BYTES) {
            return Optional.empty();
        }
        for (int at = 8; Bytes.has(b, at, 12); ) {
            long length = Bytes.u32be(b, at);
            String type = Bytes.fourCc(b, at + 4);
            if (type.equals("tRNS")) {
                return Optional.empty(); // a colour key becomes an alpha channel in the JDK's reader
            }
            if (type.equals("IEND") || length > b.length) {
                break;
            }
            at += (int) length + 12;
        }
        return Optional.of(new PlainPng((int) width, (int) height, colourType == 6));
    }

    /**
     * Inflates the IDAT chunks of {@code b} (this PNG) and hands each row, unfiltered, to {@code sink}, top to bottom.
     * Damaged image data, a row filter that does not exist or fewer rows than the header says are reported as
     * corruption, as the full decoder reports them; rows handed over before that are the caller's to discard.
     */
    public void readRows(byte[] b, RowSink sink) throws RejectedImageException {
        int[] at = {8};
        readRows(inflater -> {
            int next = nextImageData(b, at[0], inflater);
            at[0] = Math.max(next, at[0]);
            return next >= 0;
        }, sink);
    }

    /** Gives the inflater its next run of image data; false when none is left. */
    @FunctionalInterface
    interface ImageData {
        boolean feed(Inflater inflater) throws RejectedImageException;
    }

    // The rows of the zlib stream `data` feeds, unfiltered, to `sink`.
    void readRows(ImageData data, RowSink sink) throws RejectedImageException {
        int rowBytes = rowBytes();
        int step = alpha ? 4 : 3;
        byte[] line = new byte[rowBytes + 1];
        byte[] previous = new byte[rowBytes];
        byte[] current = new byte[rowBytes];
        Inflater inflater = new Inflater();
        try {
            int y = 0;
            int filled = 0;
            while (y < height) {
                if (inflater.needsInput()) {
                    if (!data.feed(inflater)) {
                        throw corrupt("the image data ends after " + y + " of " + height + " rows");
                    }
                    continue;
                }
                int n = inflater.inflate(line, filled, line.length - filled);
                filled += n;
                if (filled < line.length) {
                    if (inflater.finished() || inflater.needsDictionary()) {
                        throw corrupt("the image data ends after " + y + " of " + height + " rows");
                    }
                    continue;
                }
                unfilter(line, previous, current, step, y);
                sink.row(y, current);
                byte[] swap = previous;
                previous = current;
                current = swap;
                filled = 0;
                y++;
            }
        } catch (DataFormatException e) {
            throw corrupt("the image data cannot be inflated (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    // Sets the next IDAT chunk's data from chunk offset `at` on as the inflater's input; the offset after it, or -1 if none is left.
    private static int nextImageData(byte[] b, int at, Inflater inflater) {
        while (Bytes.has(b, at, 12)) {
            long length = Bytes.u32be(b, at);
            String type = Bytes.fourCc(b, at + 4);
            if (type.equals("IEND") || !Bytes.has(b, at + 8L, length + 4)) {
                return -1;
            }
            int next = at + 12 + (int) length;
            if (type.equals("IDAT") && length > 0) {
                inflater.setInput(b, at + 8, (int) length);
                return next;
            }
            at = next;
        }
        return -1;
    }

    // PNG's five row filters (ISO/IEC 15948, 9.2), undone into `out` from the filtered line (filter byte first) and the row above.
    private static void unfilter(byte[] line, byte[] above, byte[] out, int step, int y) throws RejectedImageException {
        int n = out.length;
        switch (line[0]) {
            case 0 -> System.arraycopy(line, 1, out, 0, n);
            case 1 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (byte) (line[i + 1] + (i >= step ? out[i - step] : 0));
                }
            }
            case 2 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (byte) (line[i + 1] + above[i]);
                }
            }
            case 3 -> {
                for (int i = 0; i < n; i++) {
                    int left = i >= step ? out[i - step] & 0xFF : 0;
                    out[i] = (byte) (line[i + 1] + ((left + (above[i] & 0xFF)) >>> 1));
                }
            }
            case 4 -> {
                for (int i = 0; i < n; i++) {
                    int a = i >= step ? out[i - step] & 0xFF : 0;
                    int c = i >= step ? above[i - step] & 0xFF : 0;
                    out[i] = (byte) (line[i + 1] + paeth(a, above[i] & 0xFF, c));
                }
            }
            default -> throw corrupt("row " + y + " has filter type " + (line[0] & 0xFF) + ", which does not exist");
        }
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    static RejectedImageException corrupt(String detail) {
        return ImageHeader.corrupt(ImageFormat.PNG, detail);
    }
}
