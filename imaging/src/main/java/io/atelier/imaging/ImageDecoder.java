package io.atelier.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes uploaded bytes safely: sniffs the format from the bytes, reads the size from the header
 * and checks it against {@link ImageLimits} before decoding, and treats any decoder warning (a
 * truncated JPEG decodes "successfully" with a warning) as corruption.
 */
public final class ImageDecoder {
    private final ImageLimits limits;

    public ImageDecoder(ImageLimits limits) {
        this.limits = limits;
    }

    public DecodedImage decode(byte[] bytes) throws RejectedImageException {
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> new RejectedImageException(
                RejectedImageException.Kind.UNSUPPORTED_FORMAT,
                "The file is " + ImageFormat.describeUnsupported(bytes) + "; upload a PNG or JPEG image."));
        ImageReader reader = readerFor(format);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkSize(width, height);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage image = reader.read(0);
            if (!warnings.isEmpty()) {
                throw corrupt(format, String.join("; ", warnings));
            }
            return new DecodedImage(image, format);
        } catch (IOException | RuntimeException e) {
            throw corrupt(format, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            reader.dispose();
        }
    }

    private void checkSize(int width, int height) throws RejectedImageException {
        if (width <= 0 || height <= 0) {
            throw new RejectedImageException(RejectedImageException.Kind.CORRUPT, "The image header gives no size.");
        }
        long pixels = (long) width * height;
        if (width > limits.maxDimension() || height > limits.maxDimension() || pixels > limits.maxPixels()) {
            throw new RejectedImageException(RejectedImageException.Kind.TOO_LARGE, String.format(java.util.Locale.ROOT,
                    "The image is %d × %d (%.1f megapixels); the limit is %d px a side and %.1f megapixels. Resize it and upload again.",
                    width, height, pixels / 1e6, limits.maxDimension(), limits.maxPixels() / 1e6));
        }
    }

    private static RejectedImageException corrupt(ImageFormat format, String detail) {
        return new RejectedImageException(RejectedImageException.Kind.CORRUPT,
                "The " + format.name() + " data is damaged or truncated (" + detail + "); export it again and re-upload.");
    }

    private static ImageReader readerFor(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + format);
        }
        return readers.next();
    }
}
