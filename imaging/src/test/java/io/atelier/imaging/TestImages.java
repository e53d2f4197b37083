package io.atelier.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Image bytes made in code for tests: real encodings from the JDK's writers, and the metadata blocks,
 * chunks and damage that phones, browsers and broken tools put in them. Shared with the engine and
 * the system tests through this module's test-jar.
 */
public final class TestImages {
    private TestImages() {
    }

    /** A PNG signature and a valid IHDR chunk claiming the given size, with no pixel data at all. */
    public static byte[] pngHeaderClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        return concat(pngSignature(), pngChunk("IHDR", ihdr.array()));
    }

    public static byte[] pngSignature() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    }

    /** A PNG chunk: length, type, data and its CRC. */
    public static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        return chunk.putInt((int) crc.getValue()).array();
    }

    /** {@code png} with {@code chunk} inserted right after IHDR (where iCCP, eXIf and acTL belong). */
    public static byte[] withPngChunk(byte[] png, byte[] chunk) {
        int afterIhdr = 8 + 12 + 13;
        return concat(slice(png, 0, afterIhdr), chunk, slice(png, afterIhdr, png.length));
    }

    /** An iCCP chunk carrying {@code profile}, deflated as the PNG specification says. */
    public static byte[] iccpChunk(byte[] profile) {
        return pngChunk("iCCP", concat("icc\0\0".getBytes(StandardCharsets.US_ASCII), deflate(profile)));
    }

    public static byte[] png(BufferedImage image) {
        return write(image, "png");
    }

    /** A baseline JPEG from the JDK's encoder at quality 0.95. */
    public static byte[] jpeg(BufferedImage image) {
        return jpeg(image, false);
    }

    public static byte[] jpeg(BufferedImage image, boolean progressive) {
        ImageWriter writer = jdkJpegWriter();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            return encode(writer, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** A JPEG with restart markers every {@code interval} MCUs. */
    public static byte[] jpegWithRestarts(BufferedImage image, int interval) {
        ImageWriter writer = jdkJpegWriter();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree("javax_imageio_jpeg_image_1.0");
            IIOMetadataNode sequence = (IIOMetadataNode) tree.getElementsByTagName("markerSequence").item(0);
            IIOMetadataNode dri = new IIOMetadataNode("dri");
            dri.setAttribute("interval", Integer.toString(interval));
            sequence.insertBefore(dri, sequence.getFirstChild());
            metadata.setFromTree("javax_imageio_jpeg_image_1.0", tree);
            return encode(writer, new IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /**
     * A four-component JPEG written straight from CMYK samples (0 = no ink) in Adobe's convention, as
     * Photoshop writes them: an APP14 "Adobe" marker and inverted values (transform 0); with {@code ycck},
     * transform 2, libjpeg's YCCK: C, M and Y taken as R, G and B of the inverted values, stored as YCbCr.
     */
    public static byte[] cmykJpeg(Raster cmyk, boolean ycck) {
        ImageWriter writer = jdkJpegWriter();
        try {
            var stored = cmyk.createCompatibleWritableRaster();
            for (int y = 0; y < cmyk.getHeight(); y++) {
                for (int x = 0; x < cmyk.getWidth(); x++) {
                    int flip = ycck ? 0 : 255; // YCCK un-inverts C, M and Y (R = 255 - stored) before taking YCbCr
                    double r = Math.abs(flip - cmyk.getSample(x, y, 0));
                    double g = Math.abs(flip - cmyk.getSample(x, y, 1));
                    double b = Math.abs(flip - cmyk.getSample(x, y, 2));
                    double[] samples = ycck
                            ? new double[] {0.299 * r + 0.587 * g + 0.114 * b, 128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
                                128 + 0.5 * r - 0.418688 * g - 0.081312 * b}
                            : new double[] {r, g, b};
                    for (int band = 0; band < 3; band++) {
                        stored.setSample(x, y, band, (int) Math.max(0, Math.min(255, Math.round(samples[band]))));
                    }
                    stored.setSample(x, y, 3, 255 - cmyk.getSample(x, y, 3));
                }
            }
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.98f);
            byte[] plain = encode(writer, new IIOImage(stored, null, null), param);
            return withJpegSegment(plain, 0xEE, adobeApp14(ycck ? 2 : 0));
        } finally {
            writer.dispose();
        }
    }

    /** An APP14 "Adobe" payload: version 100, no flags, the colour transform (0 none/CMYK, 1 YCbCr, 2 YCCK). */
    public static byte[] adobeApp14(int transform) {
        return ByteBuffer.allocate(12).put("Adobe".getBytes(StandardCharsets.US_ASCII)).putShort((short) 100).putShort((short) 0).putShort((short) 0)
                .put((byte) transform).array();
    }

    /** {@code jpeg} with a segment (marker and payload) inserted right after SOI. */
    public static byte[] withJpegSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteBuffer segment = ByteBuffer.allocate(4 + payload.length);
        segment.put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload);
        return concat(slice(jpeg, 0, 2), segment.array(), slice(jpeg, 2, jpeg.length));
    }

    /** An APP1 Exif payload ("Exif\0\0" and a TIFF structure) around {@code tiff}. */
    public static byte[] exifPayload(byte[] tiff) {
        return concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff);
    }

    /** {@code jpeg} carrying an EXIF orientation tag, as a phone writes it. */
    public static byte[] jpegWithOrientation(byte[] jpeg, int orientation) {
        return withJpegSegment(jpeg, 0xE1, exifPayload(exifOrientation(orientation, ByteOrder.BIG_ENDIAN)));
    }

    /** {@code jpeg} carrying {@code profile} in one APP2 ICC_PROFILE segment. */
    public static byte[] jpegWithIcc(byte[] jpeg, byte[] profile) {
        return withJpegSegment(jpeg, 0xE2, concat("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII), new byte[] {1, 1}, profile));
    }

    /** A minimal TIFF structure whose first IFD holds just the orientation tag (type SHORT). */
    public static byte[] exifOrientation(int orientation, ByteOrder order) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4).order(order);
        tiff.put(order == ByteOrder.BIG_ENDIAN ? new byte[] {'M', 'M'} : new byte[] {'I', 'I'}).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 274).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        return tiff.array();
    }

    /** A simple WebP's bitstream chunk (VP8 or VP8L, with header) wrapped in an extended VP8X file with extra chunks. */
    public static byte[] webpExtended(byte[] simpleWebp, int flags, int width, int height, byte[]... extraChunks) {
        byte[] bitstream = slice(simpleWebp, 12, simpleWebp.length);
        ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put((byte) flags).put(new byte[3]);
        vp8x.put((byte) (width - 1)).put((byte) ((width - 1) >> 8)).put((byte) ((width - 1) >> 16));
        vp8x.put((byte) (height - 1)).put((byte) ((height - 1) >> 8)).put((byte) ((height - 1) >> 16));
        byte[] body = concat(webpChunk("VP8X", vp8x.array()), concat(extraChunks), bitstream);
        return riff(body);
    }

    public static byte[] webpChunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        return chunk.put(type.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data).array();
    }

    public static byte[] riff(byte[] body) {
        ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        head.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(body.length + 4).put("WEBP".getBytes(StandardCharsets.US_ASCII));
        return concat(head.array(), body);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static byte[] slice(byte[] bytes, int from, int to) {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    public static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer for " + image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] encode(ImageWriter writer, IIOImage image, ImageWriteParam param) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // The JDK's own JPEG writer, whatever plug-ins are registered: the fixtures must not depend on the reader under test.
    private static ImageWriter jdkJpegWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getOriginatingProvider().getClass().getName().startsWith("com.sun.imageio.")) {
                return writer;
            }
        }
        throw new IllegalStateException("no JDK JPEG writer");
    }
}
