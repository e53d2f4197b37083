package io.atelier.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes PNG bytes tagged with an sRGB chunk, so browsers show the pixels as the engine computed them
 * (every decoded image is 8-bit sRGB). Int RGB and ARGB images (every render and thumbnail) go through
 * {@link StripedPng}, filtered and deflated on all cores; other layouts through the JDK's writer, which is
 * single-threaded and several times slower on a big photo. Both are deterministic: equal pixels give equal bytes.
 */
public final class PngEncoder {
    private static final String FORMAT = "javax_imageio_png_1.0";

    /** Writes row {@code y} of a picture as 8-bit interleaved R, G, B (and A) into {@code into}; called from several threads at once. */
    @FunctionalInterface
    public interface Rows {
        void write(int y, byte[] into);
    }

    /** A picture's rows filtered and deflated, not yet framed as one file. */
    public interface Deflated {
        /** The PNG file, once: the deflated rows are let go as they are copied into it. */
        byte[] join();
    }

    private PngEncoder() {
    }

    /**
     * The same PNG {@link #encode} writes for the same 8-bit pixels, from a picture given row by row, so a caller whose
     * picture is in another form (a linear frame) needs no 8-bit copy of it. Every row has been read when this
     * returns, so the caller can let its picture go before {@link Deflated#join} and the picture and the finished file
     * need not be on the heap together.
     */
    public static Deflated deflate(int width, int height, boolean alpha, Rows rows) {
        return StripedPng.deflate(width, height, alpha, rows, StripedPng.LEVEL);
    }

    /**
     * Writes the same PNG {@link #deflate} joins, from a picture given row by row, into {@code out} as it is deflated,
     * so neither an 8-bit copy of the picture nor the whole file is held: for a picture too big to have its file on
     * the heap beside it. Returns the bytes written; {@code out} is neither flushed nor closed.
     */
    public static long write(int width, int height, boolean alpha, Rows rows, OutputStream out) throws IOException {
        return StripedPng.write(width, height, alpha, rows, StripedPng.LEVEL, out);
    }

    public static byte[] encode(BufferedImage image) {
        if (StripedPng.handles(image)) {
            return StripedPng.encode(image, StripedPng.LEVEL);
        }
        ImageWriter writer = jdkPngWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, image.getWidth() * image.getHeight()));
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            IIOMetadataNode root = new IIOMetadataNode(FORMAT);
            IIOMetadataNode srgb = new IIOMetadataNode("sRGB");
            srgb.setAttribute("renderingIntent", "Perceptual");
            root.appendChild(srgb);
            metadata.mergeTree(FORMAT, root);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static ImageWriter jdkPngWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        ImageWriter first = null;
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getOriginatingProvider().getClass().getName().startsWith("com.sun.imageio.")) {
                return writer;
            }
            first = first == null ? writer : first;
        }
        if (first == null) {
            throw new IllegalStateException("no PNG writer");
        }
        return first;
    }
}
