package io.atelier.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and odd files, all made here: each gets a clean rejection of the expected kind or a
 * correct decode, never another exception. The outcomes are written to target/hostile-corpus.md.
 */
class HostileCorpusTest {
    enum Outcome { DECODES, UNSUPPORTED_FORMAT, TOO_LARGE, CORRUPT }

    record Case(String name, Supplier<byte[]> bytes, Outcome expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Map<String, String> REPORT = new ConcurrentHashMap<>();
    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);

    static Stream<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        BufferedImage small = JpegDecodingTest.gradient(24, 16);
        byte[] png = TestImages.png(small);
        byte[] jpeg = TestImages.jpeg(small);
        // formats we do not take
        cases.add(new Case("empty file (0 bytes)", () -> new byte[0], Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("one byte", () -> new byte[] {(byte) 0x89}, Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("plain text", () -> "hello, I am not an image\n".getBytes(StandardCharsets.UTF_8), Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("SVG drawing", () -> "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"
                .getBytes(StandardCharsets.UTF_8), Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("PDF document", () -> "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII), Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("HEIC (ftyp heic)", () -> HostileImages.ftyp("heic", "mif1", "heic"), Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("HEIF (ftyp mif1 + heic)", () -> HostileImages.ftyp("mif1", "mif1", "heic"), Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("AVIF (ftyp avif)", () -> HostileImages.ftyp("avif", "mif1", "miaf"), Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("AVIF (ftyp mif1 + avif)", () -> HostileImages.ftyp("mif1", "mif1", "avif"), Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("GIF still", () -> write(small, "gif"), Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("GIF animated (2 frames)", HostileCorpusTest::animatedGif, Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("BMP", () -> write(small, "bmp"), Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("TIFF", () -> write(small, "tiff"), Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("RIFF WAVE audio", () -> "RIFF\u0024\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1), Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("JPEG XL codestream", () -> new byte[] {(byte) 0xFF, 0x0A, 0, 0, 0, 0}, Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("Photoshop PSD", () -> "8BPS\0\1\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1), Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("PNG with wrong magic (first byte)", () -> withByte(png, 0, 0x88), Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("JPEG with wrong magic (FF D8 00)", () -> withByte(jpeg, 2, 0x00), Outcome.UNSUPPORTED_FORMAT));
        // tiny and plain
        cases.add(new Case("PNG 1 × 1", () -> TestImages.png(Pixels.filled(1, 1, 0x336699)), Outcome.DECODES));
        cases.add(new Case("JPEG 1 × 1", () -> TestImages.jpeg(Pixels.filled(1, 1, 0x336699)), Outcome.DECODES));
        cases.add(new Case("PNG signature only", TestImages::pngSignature, Outcome.CORRUPT));
        cases.add(new Case("JPEG SOI only", () -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, Outcome.CORRUPT));
        cases.add(new Case("WebP RIFF header only", () -> TestImages.riff(new byte[0]), Outcome.CORRUPT));
        // claimed sizes and bombs
        cases.add(new Case("PNG IHDR 0 × 10", () -> TestImages.pngHeaderClaiming(0, 10), Outcome.CORRUPT));
        cases.add(new Case("PNG IHDR 100000 × 100000", () -> TestImages.pngHeaderClaiming(100_000, 100_000), Outcome.TOO_LARGE));
        cases.add(new Case("PNG IHDR 2^31 × 1 (negative as int)", () -> TestImages.pngHeaderClaiming(Integer.MIN_VALUE, 1), Outcome.CORRUPT));
        cases.add(new Case("PNG bomb: 50000 × 50000 1-bit grey, 309 kB inflating to 312 MB", () -> HostileImages.pngBomb(50_000, 50_000, 1, 0), Outcome.TOO_LARGE));
        cases.add(new Case("JPEG SOF 65535 × 65535", () -> HostileImages.jpegSofClaiming(65_535, 65_535), Outcome.TOO_LARGE));
        cases.add(new Case("JPEG SOF 0 × 0 (height by DNL)", () -> HostileImages.jpegSofClaiming(0, 0), Outcome.CORRUPT));
        cases.add(new Case("WebP VP8 16383 × 16383", () -> HostileImages.webpVp8Claiming(16_383, 16_383), Outcome.TOO_LARGE));
        cases.add(new Case("WebP VP8L 16384 × 16384", () -> HostileImages.webpVp8lClaiming(16_384, 16_384), Outcome.TOO_LARGE));
        cases.add(new Case("WebP VP8X 2^24 × 2^24", () -> HostileImages.webpVp8xClaiming(16_777_216, 16_777_216), Outcome.TOO_LARGE));
        cases.add(new Case("WebP VP8X 10 × 10 with no image chunk", () -> HostileImages.webpVp8xClaiming(10, 10), Outcome.CORRUPT));
        // PNG structure
        cases.add(new Case("PNG with a bad IDAT CRC", () -> badCrc(png, "IDAT"), Outcome.CORRUPT));
        cases.add(new Case("PNG with a bad IHDR CRC", () -> badCrc(png, "IHDR"), Outcome.CORRUPT));
        cases.add(new Case("PNG with a bad CRC on an ancillary tEXt chunk (ignored, as libpng does)",
                () -> badCrc(TestImages.withPngChunk(png, TestImages.pngChunk("tEXt", "Comment\0hi".getBytes(StandardCharsets.ISO_8859_1))), "tEXt"),
                Outcome.DECODES));
        cases.add(new Case("PNG with colour type 5", () -> withByte(TestImages.pngHeaderClaiming(10, 10), 25, 5), Outcome.CORRUPT));
        cases.add(new Case("PNG without IDAT", () -> TestImages.concat(TestImages.pngHeaderClaiming(10, 10), TestImages.pngChunk("IEND", new byte[0])), Outcome.CORRUPT));
        cases.add(new Case("PNG missing IEND", () -> TestImages.slice(png, 0, png.length - 12), Outcome.DECODES));
        cases.add(new Case("PNG with an IDAT of zlib garbage", () -> TestImages.concat(TestImages.slice(png, 0, 33),
                TestImages.pngChunk("IDAT", new byte[] {0x78, (byte) 0x9C, 1, 2, 3, 4, 5, 6, 7, 8}), TestImages.pngChunk("IEND", new byte[0])), Outcome.CORRUPT));
        cases.add(new Case("animated PNG (acTL)", () -> TestImages.withPngChunk(png, TestImages.pngChunk("acTL", new byte[8])), Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("PNG iCCP bomb (profile inflating to 64 MB)", () -> TestImages.withPngChunk(png,
                TestImages.pngChunk("iCCP", TestImages.concat("icc\0\0".getBytes(StandardCharsets.US_ASCII), HostileImages.zlibZeros(64 << 20)))), Outcome.DECODES));
        cases.add(new Case("PNG iCCP of random bytes", () -> TestImages.withPngChunk(png, TestImages.iccpChunk(random(3000, 7))), Outcome.DECODES));
        cases.add(new Case("PNG with a CMYK-sized (4-channel) profile on RGB", () -> TestImages.withPngChunk(png,
                TestImages.iccpChunk(withBytes(IccProfiles.displayP3(), 16, "CMYK"))), Outcome.DECODES));
        // JPEG structure
        cases.add(new Case("JPEG with no EOI", () -> TestImages.slice(jpeg, 0, jpeg.length - 2), Outcome.CORRUPT));
        cases.add(new Case("JPEG with bytes after EOI", () -> TestImages.concat(jpeg, random(500, 2)), Outcome.DECODES));
        cases.add(new Case("JPEG cut in half", () -> TestImages.slice(jpeg, 0, jpeg.length / 2), Outcome.CORRUPT));
        cases.add(new Case("JPEG image data before any frame header (SOS first)", () -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 2}, Outcome.CORRUPT));
        cases.add(new Case("JPEG 12-bit samples", () -> HostileImages.jpegFrame(0xC1, 12, 8, 8, 1), Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("JPEG arithmetic coding (SOF9)", () -> HostileImages.jpegFrame(0xC9, 8, 8, 8, 3), Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("JPEG frame with 7 components", () -> HostileImages.jpegFrame(0xC0, 8, 8, 8, 7), Outcome.CORRUPT));
        cases.add(new Case("JPEG with a corrupt ICC profile (random bytes)", () -> TestImages.jpegWithIcc(jpeg, random(600, 11)), Outcome.DECODES));
        cases.add(new Case("JPEG with a truncated ICC profile", () -> TestImages.jpegWithIcc(jpeg, TestImages.slice(IccProfiles.displayP3(), 0, 300)), Outcome.DECODES));
        cases.add(new Case("JPEG with ICC chunk 2 of 1", () -> TestImages.withJpegSegment(jpeg, 0xE2,
                TestImages.concat("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII), new byte[] {2, 1}, IccProfiles.displayP3())), Outcome.DECODES));
        cases.add(new Case("JPEG EXIF orientation 0", () -> TestImages.jpegWithOrientation(jpeg, 0), Outcome.DECODES));
        cases.add(new Case("JPEG EXIF orientation 9", () -> TestImages.jpegWithOrientation(jpeg, 9), Outcome.DECODES));
        cases.add(new Case("JPEG EXIF orientation as ASCII text", () -> exif(jpeg, HostileImages.tiff(0, 1, new int[] {274, 2, 4, 0x36000000})), Outcome.DECODES));
        cases.add(new Case("JPEG EXIF with an IFD that links to itself", () -> exif(jpeg, HostileImages.tiff(8, 1, new int[] {274, 3, 1, 6 << 16})), Outcome.DECODES));
        cases.add(new Case("JPEG EXIF with an Exif sub-IFD pointing back at IFD0", () -> exif(jpeg,
                HostileImages.tiff(0, 2, new int[] {274, 3, 1, 3 << 16}, new int[] {34665, 4, 1, 8})), Outcome.DECODES));
        cases.add(new Case("JPEG EXIF claiming 65535 entries", () -> exif(jpeg, HostileImages.tiff(0, 65_535, new int[] {274, 3, 1, 6 << 16})), Outcome.DECODES));
        cases.add(new Case("JPEG EXIF with a value offset past the end", () -> exif(jpeg, HostileImages.tiff(0, 1, new int[] {274, 3, 100_000, 0x7FFFFFF0})), Outcome.DECODES));
        cases.add(new Case("JPEG EXIF filling a whole 64 kB APP1 with entries", () -> exif(jpeg, hugeExif()), Outcome.DECODES));
        cases.add(new Case("JPEG EXIF that is not TIFF at all", () -> exif(jpeg, random(200, 5)), Outcome.DECODES));
        cases.add(new Case("CMYK JPEG without a profile", () -> TestImages.cmykJpeg(cmyk(), false), Outcome.DECODES));
        cases.add(new Case("YCCK JPEG without a profile", () -> TestImages.cmykJpeg(cmyk(), true), Outcome.DECODES));
        cases.add(new Case("CMYK JPEG with an RGB profile (incompatible, ignored)", () -> TestImages.jpegWithIcc(TestImages.cmykJpeg(cmyk(), false), IccProfiles.displayP3()), Outcome.DECODES));
        cases.add(new Case("Adobe APP14 saying YCCK on a 3-component JPEG", () -> TestImages.withJpegSegment(jpeg, 0xEE, TestImages.adobeApp14(2)), Outcome.DECODES));
        // WebP structure
        cases.add(new Case("animated WebP", () -> resource("/webp/anim.webp"), Outcome.UNSUPPORTED_FORMAT));
        cases.add(new Case("WebP with ANMF frames but no animation flag", () -> TestImages.webpExtended(resource("/webp/gradient-lossless-alpha.webp"), 0, 64, 48,
                TestImages.webpChunk("ANMF", new byte[16])), Outcome.CORRUPT));
        cases.add(new Case("WebP whose RIFF size exceeds the file", () -> withByte(resource("/webp/coffee-lossy.webp"), 6, 0x7F), Outcome.CORRUPT));
        cases.add(new Case("WebP VP8X canvas larger than its bitstream", () -> TestImages.webpExtended(resource("/webp/gradient-lossless-alpha.webp"), 0x10, 640, 480), Outcome.CORRUPT));
        cases.add(new Case("WebP with a random ICCP chunk", () -> TestImages.webpExtended(resource("/webp/gradient-lossless-alpha.webp"), 0x30, 64, 48,
                TestImages.webpChunk("ICCP", random(500, 3))), Outcome.DECODES));
        cases.add(new Case("WebP lossless with a bad VP8L version", () -> withByte(HostileImages.webpVp8lClaiming(10, 10), 24, 0xE0), Outcome.CORRUPT));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachHostileFileGetsACleanAnswer(Case c) {
        byte[] bytes = c.bytes().get();
        Outcome actual;
        String detail;
        try {
            DecodedImage decoded = decoder.decode(bytes);
            actual = Outcome.DECODES;
            detail = "decoded " + decoded.width() + " × " + decoded.height() + (decoded.hasAlpha() ? " with alpha" : "");
            assertThat(decoded.image().getType()).isIn(BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB);
        } catch (RejectedImageException e) {
            actual = Outcome.valueOf(e.kind().name());
            detail = e.getMessage();
            assertThat(e.getMessage()).isNotBlank();
        }
        REPORT.put(c.name(), bytes.length + " B | " + actual + " | " + detail.replace("|", "/"));
        assertThat(actual).as("%s: %s", c.name(), detail).isEqualTo(c.expected());
    }

    @Test
    void heicAndAvifRefusalsSayHowToConvert() {
        for (byte[] file : new byte[][] {HostileImages.ftyp("heic", "mif1", "heic"), HostileImages.ftyp("avif", "mif1")}) {
            try {
                decoder.decode(file);
                throw new AssertionError("decoded a HEIF container");
            } catch (RejectedImageException e) {
                assertThat(e.kind()).isEqualTo(RejectedImageException.Kind.UNSUPPORTED_FORMAT);
                assertThat(e.hint()).hasValueSatisfying(hint -> assertThat(hint).containsIgnoringCase("JPEG"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truncationSources")
    void truncationAtEveryOffsetIsCorruptUnlessOnlyTheEndMarkerIsLost(String name, byte[] file, int intactTail) {
        for (int cut = 0; cut < file.length; cut += Math.max(1, file.length / 150)) {
            byte[] truncated = Arrays.copyOf(file, cut);
            try {
                decoder.decode(truncated);
                assertThat(cut).as("%s cut at %d of %d decoded", name, cut, file.length).isGreaterThanOrEqualTo(file.length - intactTail);
            } catch (RejectedImageException e) {
                assertThat(e.kind()).as("%s cut at %d", name, cut).isIn(RejectedImageException.Kind.CORRUPT, RejectedImageException.Kind.UNSUPPORTED_FORMAT);
            }
        }
        REPORT.put("truncated " + name + " at every offset", file.length + " B | CORRUPT (or UNSUPPORTED_FORMAT before the signature is complete)"
                + (intactTail > 0 ? " | decodes only when just the last " + intactTail + " bytes (IEND) are lost" : " | never decodes"));
    }

    static Stream<Object[]> truncationSources() {
        BufferedImage picture = JpegDecodingTest.gradient(40, 30);
        return Stream.of(
                new Object[] {"PNG", TestImages.png(picture), 12},
                new Object[] {"baseline JPEG", TestImages.jpeg(picture), 0},
                new Object[] {"progressive JPEG", TestImages.jpeg(picture, true), 0},
                new Object[] {"CMYK JPEG", TestImages.cmykJpeg(cmyk(), false), 0},
                new Object[] {"lossy WebP", resource("/webp/coffee-lossy.webp"), 0},
                new Object[] {"lossless WebP", resource("/webp/gradient-lossless-alpha.webp"), 0},
                new Object[] {"lossy WebP with alpha", resource("/webp/gradient-lossy-alpha.webp"), 0});
    }

    @AfterAll
    static void writeReport() throws IOException {
        StringBuilder md = new StringBuilder("# Hostile corpus outcomes\n\n| input | size | outcome | message |\n|---|---|---|---|\n");
        REPORT.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> md.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/hostile-corpus.md"), md);
    }

    private static Raster cmyk() {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 24, 16, 4, null);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 24; x++) {
                raster.setPixel(x, y, new int[] {x * 10, y * 15, 40, 20});
            }
        }
        return raster;
    }

    private static byte[] exif(byte[] jpeg, byte[] tiff) {
        return TestImages.withJpegSegment(jpeg, 0xE1, TestImages.exifPayload(tiff));
    }

    private static byte[] hugeExif() {
        int entries = (65_000 - 20) / 12;
        int[][] list = new int[entries][];
        for (int i = 0; i < entries; i++) {
            list[i] = new int[] {i == 0 ? 274 : 40_000 + i, 3, 1, (i == 0 ? 6 : 1) << 16};
        }
        return HostileImages.tiff(0, entries, list);
    }

    private static byte[] random(int n, long seed) {
        byte[] bytes = new byte[n];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] withByte(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        copy[at] = (byte) value;
        return copy;
    }

    private static byte[] withBytes(byte[] bytes, int at, String ascii) {
        byte[] copy = bytes.clone();
        System.arraycopy(ascii.getBytes(StandardCharsets.US_ASCII), 0, copy, at, ascii.length());
        return copy;
    }

    private static byte[] badCrc(byte[] png, String type) {
        byte[] copy = png.clone();
        int at = 8;
        while (!new String(copy, at + 4, 4, StandardCharsets.US_ASCII).equals(type)) {
            at += 12 + (int) Bytes.u32be(copy, at);
        }
        int crcAt = at + 8 + (int) Bytes.u32be(copy, at);
        copy[crcAt] ^= 0x5A;
        return copy;
    }

    static byte[] resource(String name) {
        try {
            return JpegDecodingTest.resource(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] animatedGif() {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (int rgb : new int[] {0xFF0000, 0x0000FF}) {
                BufferedImage frame = Pixels.filled(8, 8, rgb);
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("delayTime", "10");
                control.setAttribute("transparentColorIndex", "0");
                root.appendChild(control);
                metadata.setFromTree("javax_imageio_gif_image_1.0", root);
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
