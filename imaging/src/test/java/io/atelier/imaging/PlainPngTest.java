package io.atelier.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Rows read by PlainPng are exactly the pixels ImageDecoder gives for the same file, and only plain files take that path. */
class PlainPngTest {
    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);

    @Test
    void everyFilterOnArbitraryDataReadsAsTheJdkReadsIt() throws Exception {
        // any bytes are a valid filtered row: random data under random filter types (0–4), in IDAT chunks of random sizes
        SplittableRandom random = new SplittableRandom(7);
        for (boolean alpha : new boolean[] {false, true}) {
            byte[] png = handMade(173, 61, alpha, random, 4);
            assertSameAsDecoder(png, alpha);
        }
    }

    @Test
    void filesFromTheJdkWriterAndOurOwnReadTheSame() throws Exception {
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage image = noisy(300, 1200, type);
            boolean alpha = image.getColorModel().hasAlpha();
            assertSameAsDecoder(TestImages.png(image), alpha); // the JDK writer: adaptive filters, one zlib stream
            if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB) {
                assertSameAsDecoder(PngEncoder.encode(image), alpha); // ours: Up filter, stripes joined by sync flushes, an sRGB chunk
            }
        }
    }

    @Test
    void onlyPlainFilesTakeThisPath() throws Exception {
        byte[] rgb = TestImages.png(noisy(40, 30, BufferedImage.TYPE_INT_RGB));
        assertThat(decoder.plainPng(rgb)).contains(new PlainPng(40, 30, false));
        assertThat(decoder.plainPng(TestImages.png(noisy(40, 30, BufferedImage.TYPE_INT_ARGB)))).contains(new PlainPng(40, 30, true));

        assertThat(decoder.plainPng(TestImages.png(new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY)))).as("grey").isEmpty();
        assertThat(decoder.plainPng(TestImages.png(new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_INDEXED)))).as("palette").isEmpty();
        assertThat(decoder.plainPng(TestImages.png(new BufferedImage(40, 30, BufferedImage.TYPE_USHORT_GRAY)))).as("16-bit grey").isEmpty();
        assertThat(decoder.plainPng(TestImages.withPngChunk(rgb, TestImages.pngChunk("tRNS", new byte[6])))).as("colour key").isEmpty();
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        assertThat(decoder.plainPng(TestImages.withPngChunk(rgb, TestImages.iccpChunk(profile)))).as("ICC profile").isEmpty();
        byte[] turned = TestImages.withPngChunk(rgb, TestImages.pngChunk("eXIf", TestImages.exifOrientation(6, ByteOrder.BIG_ENDIAN)));
        assertThat(decoder.plainPng(turned)).as("EXIF turn").isEmpty();
        assertThat(decoder.plainPng(withIhdr(rgb, 16, 2, 0))).as("16-bit RGB").isEmpty();
        assertThat(decoder.plainPng(withIhdr(rgb, 8, 2, 1))).as("interlaced").isEmpty();
        assertThat(decoder.plainPng(TestImages.jpeg(noisy(40, 30, BufferedImage.TYPE_INT_RGB)))).as("a JPEG").isEmpty();
    }

    @Test
    void tooBigIsRefusedBeforeAnyRowIsRead() {
        assertThatThrownBy(() -> decoder.plainPng(TestImages.concat(TestImages.pngHeaderClaiming(100_000, 100_000),
                TestImages.pngChunk("IDAT", TestImages.deflate(new byte[10])), TestImages.pngChunk("IEND", new byte[0]))))
                .isInstanceOf(RejectedImageException.class).hasMessageContaining("megapixels");
    }

    @Test
    void damagedImageDataIsCorruption() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        PlainPng plain = new PlainPng(20, 10, false);
        byte[] rows = randomRows(20, 10, 3, random, 4);

        byte[] short_ = file(20, 10, false, TestImages.deflate(java.util.Arrays.copyOf(rows, 61 * 6 + 10)), 1 << 20);
        assertThatThrownBy(() -> plain.readRows(short_, (y, row) -> { }))
                .isInstanceOf(RejectedImageException.class).hasMessageContaining("ends after 6 of 10 rows");

        rows[61 * 3] = 7; // row 3's filter byte
        byte[] badFilter = file(20, 10, false, TestImages.deflate(rows), 1 << 20);
        assertThatThrownBy(() -> plain.readRows(badFilter, (y, row) -> { }))
                .isInstanceOf(RejectedImageException.class).hasMessageContaining("row 3 has filter type 7");

        byte[] zlib = TestImages.deflate(randomRows(20, 10, 3, random, 4));
        zlib[1] ^= 0x01; // the zlib header's check bits no longer check
        byte[] garbled = file(20, 10, false, zlib, 1 << 20);
        assertThatThrownBy(() -> plain.readRows(garbled, (y, row) -> { }))
                .isInstanceOf(RejectedImageException.class).hasMessageContaining("cannot be inflated");
    }

    private void assertSameAsDecoder(byte[] png, boolean alpha) throws RejectedImageException {
        PlainPng plain = decoder.plainPng(png).orElseThrow();
        assertThat(plain.alpha()).isEqualTo(alpha);
        BufferedImage expected = decoder.decode(png).image();
        int w = plain.width();
        int[] seen = new int[plain.height()];
        plain.readRows(png, (y, row) -> {
            seen[y]++;
            int[] want = expected.getRGB(0, y, w, 1, null, 0, w);
            for (int x = 0; x < w; x++) {
                int at = x * (alpha ? 4 : 3);
                int argb = (alpha ? (row[at + 3] & 0xFF) << 24 : 0xFF000000) | (row[at] & 0xFF) << 16 | (row[at + 1] & 0xFF) << 8 | row[at + 2] & 0xFF;
                if (argb != want[x]) {
                    throw new AssertionError(String.format("pixel %d,%d: %08x, the decoder gives %08x", x, y, argb, want[x]));
                }
            }
        });
        assertThat(seen).containsOnly(1);
        assertStreamedRowsAre(png, plain);
    }

    // The same file read as it streams in, in small reads: the same rows, in order, and a plain end.
    private void assertStreamedRowsAre(byte[] png, PlainPng plain) throws RejectedImageException {
        java.util.List<byte[]> expected = new java.util.ArrayList<>();
        plain.readRows(png, (y, row) -> expected.add(row.clone()));
        StreamedPng streamed = ((StreamedPng.Plain) open(png)).png();
        assertThat(streamed.png()).isEqualTo(plain);
        java.util.List<byte[]> rows = new java.util.ArrayList<>();
        try {
            assertThat(streamed.readRows((y, row) -> {
                assertThat(y).isEqualTo(rows.size());
                rows.add(row.clone());
            })).isTrue();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(rows).containsExactlyElementsOf(expected);
    }

    private StreamedPng.Opened open(byte[] file) throws RejectedImageException {
        try {
            return decoder.plainPng(new TricklingStream(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aStreamThatIsNotAPlainPngIsGivenBackWhole() throws Exception {
        byte[] rgb = TestImages.png(noisy(40, 30, BufferedImage.TYPE_INT_RGB));
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        byte[][] others = {
            TestImages.png(new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY)),
            TestImages.png(new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_INDEXED)),
            TestImages.withPngChunk(rgb, TestImages.pngChunk("tRNS", new byte[6])),
            TestImages.withPngChunk(rgb, TestImages.iccpChunk(profile)),
            TestImages.withPngChunk(rgb, TestImages.pngChunk("eXIf", TestImages.exifOrientation(6, ByteOrder.BIG_ENDIAN))),
            withIhdr(rgb, 16, 2, 0),
            withIhdr(rgb, 8, 2, 1),
            TestImages.jpeg(noisy(40, 30, BufferedImage.TYPE_INT_RGB)),
            TestImages.slice(rgb, 0, 20), // cut inside IHDR
            new byte[0],
        };
        for (byte[] other : others) {
            assertThat(open(other)).isInstanceOfSatisfying(StreamedPng.Whole.class, whole -> assertThat(whole.bytes()).isEqualTo(other));
        }
        assertThat(open(rgb)).isInstanceOf(StreamedPng.Plain.class);
    }

    @Test
    void anExifTurnAfterTheImageDataSendsAStreamedFileToTheFullDecoder() throws Exception {
        byte[] rgb = TestImages.png(noisy(40, 30, BufferedImage.TYPE_INT_RGB));
        byte[] iend = TestImages.pngChunk("IEND", new byte[0]);
        byte[] body = TestImages.slice(rgb, 0, rgb.length - iend.length);
        byte[] turnedAtTheEnd = TestImages.concat(body, TestImages.pngChunk("eXIf", TestImages.exifOrientation(6, ByteOrder.BIG_ENDIAN)), iend);
        assertThat(((StreamedPng.Plain) open(turnedAtTheEnd)).png().readRows((y, row) -> { })).isFalse();
        byte[] textAtTheEnd = TestImages.concat(body, TestImages.pngChunk("tEXt", "Comment\0hello".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)), iend);
        assertThat(((StreamedPng.Plain) open(textAtTheEnd)).png().readRows((y, row) -> { })).isTrue();
    }

    @Test
    void damageInAStreamedFileIsCorruption() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        byte[] png = handMade(90, 40, false, random, 4);
        int firstData = indexOf(png, "IDAT") + 4;
        byte[] flipped = png.clone();
        int length = java.nio.ByteBuffer.wrap(png, firstData - 8, 4).getInt();
        flipped[firstData + length] ^= 0x10; // the first IDAT's stored checksum: its data is whole, the chunk does not check
        assertThatThrownBy(() -> ((StreamedPng.Plain) open(flipped)).png().readRows((y, row) -> { }))
                .isInstanceOf(RejectedImageException.class).hasMessageContaining("IDAT chunk fails its checksum");
        byte[] cut = TestImages.slice(png, 0, firstData + 40);
        assertThatThrownBy(() -> ((StreamedPng.Plain) open(cut)).png().readRows((y, row) -> { }))
                .isInstanceOf(RejectedImageException.class).hasMessageContaining("damaged or truncated");
        assertThatThrownBy(() -> open(TestImages.concat(TestImages.pngHeaderClaiming(100_000, 100_000),
                TestImages.pngChunk("IDAT", TestImages.deflate(new byte[10])), TestImages.pngChunk("IEND", new byte[0]))))
                .isInstanceOf(RejectedImageException.class).hasMessageContaining("megapixels");
    }

    @Test
    void oneImageDataChunkLargerThanAReadIsStreamedInPieces() throws Exception {
        SplittableRandom random = new SplittableRandom(9);
        byte[] zlib = TestImages.deflate(randomRows(400, 300, 4, random, 4)); // ~480 KB in one chunk: several 64 KiB reads
        assertSameAsDecoder(file(400, 300, true, zlib, zlib.length), true);
    }

    private static int indexOf(byte[] bytes, String ascii) {
        byte[] needle = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // A stream that hands over at most 1,000 bytes a read, as a network stream may.
    private static final class TricklingStream extends java.io.ByteArrayInputStream {
        TricklingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1000));
        }
    }

    // Filtered rows of random bytes, each under a random filter type up to maxFilter.
    private static byte[] randomRows(int width, int height, int channels, SplittableRandom random, int maxFilter) {
        int line = width * channels + 1;
        byte[] rows = new byte[line * height];
        for (int y = 0; y < height; y++) {
            rows[y * line] = (byte) random.nextInt(maxFilter + 1);
            for (int i = 1; i < line; i++) {
                rows[y * line + i] = (byte) random.nextInt(256);
            }
        }
        return rows;
    }

    private static byte[] handMade(int width, int height, boolean alpha, SplittableRandom random, int maxFilter) {
        byte[] zlib = TestImages.deflate(randomRows(width, height, alpha ? 4 : 3, random, maxFilter));
        return file(width, height, alpha, zlib, 1 + random.nextInt(zlib.length / 8 + 1));
    }

    // A PNG of the given zlib stream cut into IDAT chunks of at most `chunk` bytes, with an empty IDAT among them.
    private static byte[] file(int width, int height, boolean alpha, byte[] zlib, int chunk) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) (alpha ? 6 : 2))
                .put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(TestImages.pngSignature());
        out.writeBytes(TestImages.pngChunk("IHDR", ihdr.array()));
        for (int at = 0; at < zlib.length; at += chunk) {
            out.writeBytes(TestImages.pngChunk("IDAT", TestImages.slice(zlib, at, Math.min(zlib.length, at + chunk))));
            if (at == 0) {
                out.writeBytes(TestImages.pngChunk("IDAT", new byte[0]));
            }
        }
        out.writeBytes(TestImages.pngChunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    // The file with IHDR's bit depth, colour type and interlace method set (and its CRC remade).
    private static byte[] withIhdr(byte[] png, int depth, int colourType, int interlace) {
        byte[] data = TestImages.slice(png, 16, 29);
        data[8] = (byte) depth;
        data[9] = (byte) colourType;
        data[12] = (byte) interlace;
        return TestImages.concat(TestImages.slice(png, 0, 8), TestImages.pngChunk("IHDR", data), TestImages.slice(png, 33, png.length));
    }

    private static BufferedImage noisy(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        SplittableRandom random = new SplittableRandom(width * 31L + type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // a gradient with noise: filters other than None win on some rows and lose on others
                int base = (x * 255 / width) << 16 | (y * 255 / height) << 8 | (x + y) & 0xFF;
                image.setRGB(x, y, random.nextInt(256) << 24 | base ^ random.nextInt(16) * 0x010101);
            }
        }
        return image;
    }
}
