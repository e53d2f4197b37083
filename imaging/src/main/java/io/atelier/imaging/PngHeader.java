package io.atelier.imaging;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Walks a PNG's chunks: reads IHDR, checks every chunk's length and CRC (a damaged critical chunk is
 * corruption, a damaged ancillary chunk is ignored, as libpng does), and picks up iCCP and eXIf,
 * which the JDK's PNG reader does not apply.
 */
final class PngHeader {
    /** Real profiles are at most a few hundred KB; more than this inflating from an iCCP chunk is a bomb. */
    static final int MAX_PROFILE_BYTES = 4 << 20;

    private PngHeader() {
    }

    static ImageHeader read(byte[] b, ImageHeader.SizeCheck sizeCheck) throws RejectedImageException {
        if (!Bytes.has(b, 8, 25) || Bytes.u32be(b, 8) != 13 || !Bytes.fourCc(b, 12).equals("IHDR")) {
            throw corrupt("no IHDR header after the signature");
        }
        long width = Bytes.u32be(b, 16);
        long height = Bytes.u32be(b, 20);
        int depth = Bytes.u8(b, 24);
        int colourType = Bytes.u8(b, 25);
        if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw corrupt("the header gives an impossible size " + width + " × " + height);
        }
        int channels = switch (colourType) {
            case 0 -> depthIn(depth, 1, 2, 4, 8, 16) ? 1 : -1;
            case 2 -> depthIn(depth, 8, 16) ? 3 : -1;
            case 3 -> depthIn(depth, 1, 2, 4, 8) ? 1 : -1;
            case 4 -> depthIn(depth, 8, 16) ? 2 : -1;
            case 6 -> depthIn(depth, 8, 16) ? 4 : -1;
            default -> -1;
        };
        if (channels < 0 || Bytes.u8(b, 26) != 0 || Bytes.u8(b, 27) != 0 || Bytes.u8(b, 28) > 1) {
            throw corrupt("the header has an invalid colour type, bit depth or method (" + colourType + "/" + depth + ")");
        }
        sizeCheck.check(width, height);
        Optional<byte[]> exif = Optional.empty();
        Optional<byte[]> icc = Optional.empty();
        boolean imageData = false;
        boolean transparency = false;
        boolean end = false;
        int at = 8;
        while (at < b.length && !end) {
            if (!Bytes.has(b, at, 8)) {
                throw corrupt("the file ends inside a chunk header");
            }
            long length = Bytes.u32be(b, at);
            String type = Bytes.fourCc(b, at + 4);
            if (length > Integer.MAX_VALUE || !Bytes.has(b, at + 8L, length + 4)) {
                throw corrupt("the file ends inside " + printable(type) + " chunk");
            }
            if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw corrupt("a chunk has an invalid type");
            }
            int data = at + 8;
            int size = (int) length;
            boolean critical = Character.isUpperCase(type.charAt(0));
            CRC32 crc = new CRC32();
            crc.update(b, at + 4, size + 4);
            if (crc.getValue() != Bytes.u32be(b, data + size)) {
                if (critical) {
                    throw corrupt("the " + type + " chunk fails its checksum");
                }
            } else {
                switch (type) {
                    case "IDAT" -> imageData = true;
                    case "IEND" -> end = true; // anything after IEND is ignored, as decoders do
                    case "tRNS" -> transparency = true;
                    case "iCCP" -> icc = imageData ? icc : inflateProfile(b, data, size);
                    case "eXIf" -> exif = exif.isPresent() ? exif : Optional.of(copy(b, data, size));
                    case "acTL" -> {
                        if (!imageData) {
                            throw new RejectedImageException(RejectedImageException.Kind.UNSUPPORTED_FORMAT,
                                    "The file is an animated PNG; we edit still images.", "Save the frame you want as a PNG or JPEG and upload that.");
                        }
                    }
                    default -> { }
                }
            }
            at = data + size + 4;
        }
        if (!imageData) {
            throw corrupt("there is no image data");
        }
        // The JDK expands a tRNS colour key on grey or RGB images into an alpha channel.
        int decoded = channels + (transparency && (colourType == 0 || colourType == 2) ? 1 : 0);
        int bytesPerPixel = decoded * (depth == 16 ? 2 : 1);
        return new ImageHeader(ImageFormat.PNG, width, height, bytesPerPixel, exif, icc);
    }

    private static Optional<byte[]> inflateProfile(byte[] b, int data, int size) {
        int name = 0;
        while (name < size && name < 80 && b[data + name] != 0) {
            name++;
        }
        if (name + 2 > size || b[data + name] != 0 || b[data + name + 1] != 0) {
            return Optional.empty();
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(b, data + name + 2, size - name - 2);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return Optional.empty();
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_PROFILE_BYTES) {
                    return Optional.empty();
                }
            }
            return Optional.of(out.toByteArray());
        } catch (DataFormatException e) {
            return Optional.empty(); // an unreadable profile is ignored, as browsers do
        } finally {
            inflater.end();
        }
    }

    private static boolean depthIn(int depth, int... allowed) {
        for (int a : allowed) {
            if (a == depth) {
                return true;
            }
        }
        return false;
    }

    private static byte[] copy(byte[] b, int from, int size) {
        byte[] out = new byte[size];
        System.arraycopy(b, from, out, 0, size);
        return out;
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? "the " + type : "a";
    }

    private static RejectedImageException corrupt(String detail) {
        return ImageHeader.corrupt(ImageFormat.PNG, detail);
    }
}
