package io.atelier.imaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * A {@link PlainPng} read from a stream, chunk by chunk, so the file need never be whole on the heap: at 50 MP a
 * render's parent is ~90 MB beside its ~600 MB frame. Only what the engine writes, and files like them, are taken
 * this way; a file with anything the full decoder would act on (a colour key, a profile, an EXIF turn, a palette) is
 * handed back whole for {@link ImageDecoder}'s usual path. Every chunk's checksum is checked as it passes, as
 * {@link PngHeader} checks them in a file in memory.
 */
public final class StreamedPng {
    /** Ancillary chunks that change nothing the decoder gives: anything else before the image data sends the file the usual way. */
    private static final Set<String> INERT = Set.of("sRGB", "gAMA", "cHRM", "pHYs", "tIME", "tEXt", "zTXt", "iTXt", "bKGD", "sBIT");
    /** Chunks before the image data are small (text, physical size); one larger than this is read the usual way. */
    private static final int MAX_HEAD_CHUNK = 1 << 20;

    /** What a stream turned out to be: a plain PNG to read row by row, or another file, read whole. */
    public sealed interface Opened {
    }

    /** A plain PNG, its header read and checked, ready for {@link StreamedPng#readRows}. */
    public record Plain(StreamedPng png) implements Opened {
    }

    /** Not a file to stream: all its bytes, for the usual path (which also reports any damage in its usual words). */
    public record Whole(byte[] bytes) implements Opened {
    }

    private static final int BLOCK = 1 << 16;

    private final InputStream in;
    private final PlainPng png;
    private final byte[] block = new byte[BLOCK];
    private byte[] chunkHeader; // the IDAT chunk being read, whose data starts at the stream's position
    private byte[] after; // the header of the first chunk after the image data, once met
    private long left; // its data not yet read
    private final CRC32 crc = new CRC32();
    private boolean read;

    private StreamedPng(InputStream in, PlainPng png, byte[] firstImageData) {
        this.in = in;
        this.png = png;
        start(firstImageData);
    }

    private void start(byte[] header) {
        chunkHeader = header;
        left = Bytes.u32be(header, 0);
        crc.reset();
        crc.update(header, 4, 4);
    }

    /** The picture's size and layout. */
    public PlainPng png() {
        return png;
    }

    // Reads up to the first image data. `sizeCheck` refuses a picture over the limits, as for a file in memory.
    static Opened open(InputStream in, ImageHeader.SizeCheck sizeCheck) throws IOException, RejectedImageException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(256);
        byte[] signature = in.readNBytes(8);
        head.write(signature);
        if (ImageFormat.sniff(signature).filter(format -> format == ImageFormat.PNG).isEmpty()) {
            return whole(head, in);
        }
        PlainPng png = null;
        while (true) {
            byte[] header = in.readNBytes(8);
            head.write(header);
            if (header.length < 8) {
                return whole(head, in);
            }
            long length = Bytes.u32be(header, 0);
            String type = Bytes.fourCc(header, 4);
            if (type.equals("IDAT") && png != null) {
                return length > Integer.MAX_VALUE ? whole(head, in) : new Plain(new StreamedPng(in, png, header));
            }
            boolean ihdr = png == null && type.equals("IHDR") && length == 13;
            if (length > MAX_HEAD_CHUNK || !(ihdr || png != null && INERT.contains(type))) {
                return whole(head, in);
            }
            byte[] data = in.readNBytes((int) length + 4);
            head.write(data);
            if (data.length < length + 4 || !crcMatches(header, data, (int) length)) {
                return whole(head, in);
            }
            if (ihdr) {
                int depth = Bytes.u8(data, 8);
                int colourType = Bytes.u8(data, 9);
                long width = Bytes.u32be(data, 0);
                long height = Bytes.u32be(data, 4);
                if (depth != 8 || (colourType != 2 && colourType != 6) || data[10] != 0 || data[11] != 0 || data[12] != 0
                        || width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
                    return whole(head, in);
                }
                sizeCheck.check(width, height);
                png = new PlainPng((int) width, (int) height, colourType == 6);
            }
        }
    }

    /**
     * Inflates the image data as it is read and hands each row, unfiltered, to {@code sink}, top to bottom, then reads
     * the rest of the file. False if what follows the image data (an EXIF turn, say) makes it a file the full decoder
     * must read after all: the rows handed over are then the caller's to discard. Damage is reported as the full
     * decoder reports it; a failure to read the stream is the stream's.
     */
    public boolean readRows(PlainPng.RowSink sink) throws IOException, RejectedImageException {
        if (read) {
            throw new IllegalStateException("the rows were already read");
        }
        read = true;
        try {
            png.readRows(this::feed, sink);
        } catch (StreamFailure e) {
            throw e.getCause();
        }
        // the rest of the last IDAT chunk read (a writer may leave bytes after the zlib stream), then what follows
        while (chunkHeader != null) {
            feedNext();
        }
        return tail(after);
    }

    // The next block of image data into the inflater, checking each IDAT chunk's checksum at its end.
    private boolean feed(java.util.zip.Inflater inflater) throws RejectedImageException {
        try {
            while (chunkHeader != null) {
                int n = feedNext();
                if (n > 0) {
                    inflater.setInput(block, 0, n);
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new StreamFailure(e);
        }
    }

    // Reads the next block of the current IDAT chunk into `block` (0 at a chunk's end, after checking it and reading
    // the next chunk's header: another IDAT becomes current, anything else ends the image data).
    private int feedNext() throws IOException, RejectedImageException {
        if (left > 0) {
            int n = in.readNBytes(block, 0, (int) Math.min(BLOCK, left));
            if (n == 0) {
                throw PlainPng.corrupt("the file ends inside IDAT chunk");
            }
            crc.update(block, 0, n);
            left -= n;
            return n;
        }
        byte[] stored = in.readNBytes(4);
        if (stored.length < 4) {
            throw PlainPng.corrupt("the file ends inside IDAT chunk");
        }
        if (crc.getValue() != Bytes.u32be(stored, 0)) {
            throw PlainPng.corrupt("the IDAT chunk fails its checksum");
        }
        byte[] header = in.readNBytes(8);
        if (header.length == 8 && Bytes.fourCc(header, 4).equals("IDAT") && Bytes.u32be(header, 0) <= Integer.MAX_VALUE) {
            start(header);
        } else {
            chunkHeader = null;
            after = header;
        }
        return 0;
    }

    // After the rows: the chunks up to IEND. An EXIF chunk here would turn the picture in the full decoder.
    private boolean tail(byte[] header) throws IOException, RejectedImageException {
        while (true) {
            if (header == null) {
                header = in.readNBytes(8);
            }
            if (header.length < 8) {
                return true; // a missing IEND is forgiven, as the full decoder forgives it
            }
            long length = Bytes.u32be(header, 0);
            String type = Bytes.fourCc(header, 4);
            if (type.equals("eXIf") || type.equals("acTL")) {
                return false;
            }
            boolean critical = Character.isUpperCase(type.charAt(0));
            if (length > Integer.MAX_VALUE - 4) {
                throw PlainPng.corrupt("the file ends inside " + type + " chunk");
            }
            byte[] data = in.readNBytes((int) length + 4);
            if (data.length < length + 4) {
                throw PlainPng.corrupt("the file ends inside " + type + " chunk");
            }
            if (critical && !crcMatches(header, data, (int) length)) {
                throw PlainPng.corrupt("the " + type + " chunk fails its checksum");
            }
            if (type.equals("IEND")) {
                return true;
            }
            header = null;
        }
    }

    private static boolean crcMatches(byte[] header, byte[] dataAndCrc, int length) {
        CRC32 crc = new CRC32();
        crc.update(header, 4, 4);
        crc.update(dataAndCrc, 0, length);
        return crc.getValue() == Bytes.u32be(dataAndCrc, length);
    }

    private static Whole whole(ByteArrayOutputStream head, InputStream in) throws IOException {
        head.write(in.readAllBytes());
        return new Whole(head.toByteArray());
    }

    // Carries the stream's own failure out through the inflating loop, which only speaks of damage.
    private static final class StreamFailure extends RuntimeException {
        StreamFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
