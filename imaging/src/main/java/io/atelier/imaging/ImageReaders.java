package io.atelier.imaging;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * The reader for each format, chosen explicitly rather than by ImageIO's service lookup, so the same
 * codec decodes in tests, in a packaged Quarkus service and whatever else sits on the class path:
 * TwelveMonkeys for JPEG (it wraps the JDK's decoder and adds CMYK, YCCK and ICC handling) and WebP,
 * the JDK's own reader for PNG.
 */
final class ImageReaders {
    private static final ImageReaderSpi JPEG = registered(new JPEGImageReaderSpi());
    private static final ImageReaderSpi WEBP = new WebPImageReaderSpi();

    private ImageReaders() {
    }

    static ImageReader create(ImageFormat format) {
        try {
            return switch (format) {
                case JPEG -> JPEG.createReaderInstance();
                case WEBP -> WEBP.createReaderInstance();
                case PNG -> jdkPng();
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // TwelveMonkeys' JPEG provider finds the JDK decoder it wraps when it is registered; registering
    // an instance of an already registered class replaces that one, so this is safe to repeat.
    private static ImageReaderSpi registered(JPEGImageReaderSpi spi) {
        IIORegistry.getDefaultInstance().registerServiceProvider(spi, ImageReaderSpi.class);
        return spi;
    }

    private static ImageReader jdkPng() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("png");
        ImageReader first = null;
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getOriginatingProvider().getClass().getName().startsWith("com.sun.imageio.")) {
                return reader;
            }
            first = first == null ? reader : first;
        }
        if (first == null) {
            throw new IllegalStateException("no ImageIO reader for PNG");
        }
        return first;
    }
}
