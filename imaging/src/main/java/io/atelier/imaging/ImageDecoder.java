package io.atelier.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes uploaded bytes safely into upright 8-bit sRGB pixels: sniffs the format from the bytes,
 * reads size, bit depth and metadata from the header and checks them against {@link ImageLimits}
 * before decoding, converts embedded colour profiles (and CMYK) to sRGB, and applies the EXIF
 * orientation. A decoder warning that pixel data is damaged (a truncated JPEG decodes
 * "successfully" with a warning) counts as corruption; warnings about metadata do not.
 */
public final class ImageDecoder {
    /**
     * What the JDK's libjpeg says when pixel data, rather than metadata, is damaged or missing. It
     * reports only its first warning, so a file cut mid-scan may say no more than "missing EOI":
     * that counts as damage too.
     */
    private static final Pattern DAMAGED_PIXELS = Pattern.compile("corrupt jpeg data|premature end|bad huffman|missing eoi|truncated file",
            Pattern.CASE_INSENSITIVE);

    private final ImageLimits limits;

    public ImageDecoder(ImageLimits limits) {
        this.limits = limits;
    }

    public DecodedImage decode(byte[] bytes) throws RejectedImageException {
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> UnsupportedFormats.refusal(bytes));
        Checked checked = checkedHeader(format, bytes);
        ImageHeader header = checked.header();
        Orientation orientation = checked.orientation();
        BufferedImage decoded = read(format, header, header.repaired().orElse(bytes), 1);
        BufferedImage srgb = SrgbConversion.toSrgb8(decoded, header.iccProfile());
        return new DecodedImage(orientation.apply(srgb), format);
    }

    /**
     * An upload checked as {@link #decode} checks it (format, size, every byte of pixel data decoded, damage reported)
     * while keeping only a picture reduced to at most about twice {@code side} on its long side: the decoder reads
     * every sample but stores one in {@code n} along each axis, so a 50 MP photo costs a few megabytes to check instead
     * of the ~350 MB of its full 8-bit pixels. For a service that stores the original and shows a thumbnail of it.
     *
     * @param side the long side of the thumbnail the reduced picture is for
     */
    public CheckedImage check(byte[] bytes, int side) throws RejectedImageException {
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> UnsupportedFormats.refusal(bytes));
        Checked checked = checkedHeader(format, bytes);
        ImageHeader header = checked.header();
        Orientation orientation = checked.orientation();
        int step = (int) Math.max(1, Math.max(header.width(), header.height()) / (2L * side));
        BufferedImage decoded = read(format, header, header.repaired().orElse(bytes), step);
        BufferedImage srgb = orientation.apply(SrgbConversion.toSrgb8(decoded, header.iccProfile()));
        boolean swapped = orientation.swapsSides();
        return new CheckedImage(format, (int) (swapped ? header.height() : header.width()), (int) (swapped ? header.width() : header.height()),
                srgb);
    }

    /**
     * The file's plain-JPEG facts if a native decoder may decode it (see {@link PlainJpeg}), after the same
     * checks {@link #decode} makes from the header before decoding: a file over {@link ImageLimits} is refused
     * here, before any pixel is allocated. Empty for any file the full decoder must read (other formats,
     * grey, CMYK/YCCK, ICC profiles, EXIF turns, cut files).
     */
    public Optional<PlainJpeg> plainJpeg(byte[] bytes) throws RejectedImageException {
        Optional<ImageHeader> header = uprightHeader(ImageFormat.JPEG, bytes);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        return PlainJpeg.scan(bytes).filter(p -> p.width() == header.get().width() && p.height() == header.get().height());
    }

    /**
     * The file's plain-PNG facts if its rows may be read straight into a caller's frame (see {@link PlainPng}), after
     * the same checks {@link #decode} makes from the header: a file over {@link ImageLimits} is refused here. Empty for
     * any file the full decoder must read (other formats, grey, palette, 16-bit, interlaced, colour keys, ICC
     * profiles, EXIF turns).
     */
    public Optional<PlainPng> plainPng(byte[] bytes) throws RejectedImageException {
        Optional<ImageHeader> header = uprightHeader(ImageFormat.PNG, bytes)
                .filter(h -> h.iccProfile().isEmpty() && h.repaired().isEmpty());
        if (header.isEmpty()) {
            return Optional.empty();
        }
        return PlainPng.scan(bytes).filter(p -> p.width() == header.get().width() && p.height() == header.get().height());
    }

    /**
     * Opens a stream for a row-by-row read if it holds a plain PNG whose rows can be read as they arrive
     * ({@link StreamedPng}); otherwise reads all of it, for {@link #decode} and the other fast paths. The picture is
     * held to the same limits as a file in memory.
     */
    public StreamedPng.Opened plainPng(java.io.InputStream in) throws java.io.IOException, RejectedImageException {
        StreamedPng.Opened opened = StreamedPng.open(in, this::checkSize);
        if (opened instanceof StreamedPng.Plain plain) {
            PlainPng png = plain.png().png();
            checkMemory(new ImageHeader(ImageFormat.PNG, png.width(), png.height(), png.alpha() ? 4 : 3, Optional.empty(), Optional.empty()),
                    Orientation.NORMAL);
        }
        return opened;
    }

    // The checked header of a file in `wanted` format that needs no EXIF turn; empty for another format or a turned file.
    private Optional<ImageHeader> uprightHeader(ImageFormat wanted, byte[] bytes) throws RejectedImageException {
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> UnsupportedFormats.refusal(bytes));
        if (format != wanted) {
            return Optional.empty();
        }
        Checked checked = checkedHeader(format, bytes);
        return checked.orientation() == Orientation.NORMAL ? Optional.of(checked.header()) : Optional.empty();
    }

    private record Checked(ImageHeader header, Orientation orientation) {
    }

    // The header, read and checked against the limits (the size, and the memory a full decode needs) before any pixel.
    private Checked checkedHeader(ImageFormat format, byte[] bytes) throws RejectedImageException {
        ImageHeader header = ImageHeader.read(format, bytes, this::checkSize);
        Orientation orientation = Orientation.fromExif(header.exif());
        checkMemory(header, orientation);
        return new Checked(header, orientation);
    }

    private void checkSize(long width, long height) throws RejectedImageException {
        long pixels = width * height;
        if (width > limits.maxDimension() || height > limits.maxDimension() || pixels > limits.maxPixels()) {
            throw new RejectedImageException(RejectedImageException.Kind.TOO_LARGE, String.format(Locale.ROOT,
                    "The image is %d × %d (%.1f megapixels); the limit is %d px a side and %.1f megapixels.",
                    width, height, pixels / 1e6, limits.maxDimension(), limits.maxPixels() / 1e6),
                    "Resize it and upload again.");
        }
    }

    private void checkMemory(ImageHeader header, Orientation orientation) throws RejectedImageException {
        long width = header.width();
        long height = header.height();
        long pixels = width * height;
        // The reader's pixels, the 4-byte sRGB copy, and a second one when the picture must be turned.
        long perPixel = header.decodeBytesPerPixel() + 4L + (orientation == Orientation.NORMAL ? 0 : 4);
        long bytes = pixels * perPixel;
        if (bytes > limits.maxDecodeBytes()) {
            throw new RejectedImageException(RejectedImageException.Kind.TOO_LARGE, String.format(Locale.ROOT,
                    "The image is %d × %d and, stored as it is (%d bytes a pixel while decoding), needs %d MB to decode; the limit is %d MB.",
                    width, height, perPixel, bytes / 1_000_000, limits.maxDecodeBytes() / 1_000_000),
                    "Save it with fewer pixels, or as an 8-bit (not 16-bit) image, and upload again.");
        }
    }

    // every sample is decoded; with step > 1 only one in `step` along each axis is kept
    private static BufferedImage read(ImageFormat format, ImageHeader header, byte[] bytes, int step) throws RejectedImageException {
        ImageReader reader = ImageReaders.create(format);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            if (reader.getWidth(0) != header.width() || reader.getHeight(0) != header.height()) {
                throw ImageHeader.corrupt(format, "the decoder reads a size of " + reader.getWidth(0) + " × " + reader.getHeight(0)
                        + " where the header says " + header.width() + " × " + header.height());
            }
            List<String> damage = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> {
                if (DAMAGED_PIXELS.matcher(warning).find()) {
                    damage.add(warning);
                }
            });
            BufferedImage image;
            if (step > 1) {
                javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                image = reader.read(0, param);
            } else {
                image = reader.read(0);
            }
            if (!damage.isEmpty()) {
                throw ImageHeader.corrupt(format, String.join("; ", damage));
            }
            return image;
        } catch (IOException | RuntimeException e) {
            throw ImageHeader.corrupt(format, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            reader.dispose();
        }
    }
}
