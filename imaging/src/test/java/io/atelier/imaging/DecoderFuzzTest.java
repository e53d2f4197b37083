package io.atelier.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * A bounded, deterministic mutational fuzz run of the whole decoder (sniffing, header parsers,
 * TwelveMonkeys and JDK readers, colour conversion, orientation, and PlainPng's row reader): every mutated input must get a
 * {@link RejectedImageException} or a well-formed decode, never another exception or error.
 * Fixed seed; stops after {@value #ITERATIONS} inputs or {@value #SECONDS} seconds, whichever is first.
 * A failing input is written to target/fuzz-failures/ to replay.
 */
class DecoderFuzzTest {
    private static final long SEED = 20261128L;
    private static final int ITERATIONS = 25_000;
    private static final int SECONDS = 15;
    private static final int[] INTERESTING = {0, 1, 0x7F, 0x80, 0xFF};
    // Tighter than the defaults so a mutated header claiming a large size costs little to try.
    private final ImageDecoder decoder = new ImageDecoder(new ImageLimits(4_096, 4_000_000L));

    @Test
    void mutatedImagesGetACleanRejectionOrAWellFormedDecode() throws IOException {
        List<byte[]> seeds = seeds();
        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
        int[] done = {0};
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(SECONDS + 45), () -> {
            while (done[0] < ITERATIONS && System.nanoTime() < deadline) {
                byte[] input = mutate(seeds, random);
                outcomes.merge(run(input), 1, Integer::sum);
                done[0]++;
            }
        });
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/fuzz-report.txt"), "seed " + SEED + ", " + done[0] + " inputs: " + outcomes + "\n");
        assertThat(done[0]).as("inputs tried").isGreaterThan(1_000);
        assertThat(outcomes).as("the mutations reach decoding as well as rejection").containsKeys("DECODES", "CORRUPT");
    }

    private String run(byte[] input) throws Exception {
        try {
            readPlainRows(input);
            DecodedImage decoded = decoder.decode(input);
            BufferedImage image = decoded.image();
            assertThat(image.getType()).isIn(BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB);
            assertThat((long) image.getWidth() * image.getHeight()).isPositive().isLessThanOrEqualTo(4_000_000L);
            return "DECODES";
        } catch (RejectedImageException e) {
            assertThat(e.getMessage()).isNotBlank();
            return e.kind().name();
        } catch (Throwable t) {
            Path dir = Files.createDirectories(Path.of("target/fuzz-failures"));
            String name = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(input), 0, 8) + ".bin";
            Files.write(dir.resolve(name), input);
            fail("input " + dir.resolve(name) + " threw " + t, t);
            return "unreachable";
        }
    }

    // The engine's row-by-row PNG path on the same input: a clean rejection (the engine then asks the full decoder) or every row.
    private void readPlainRows(byte[] input) {
        try {
            java.util.Optional<PlainPng> plain = decoder.plainPng(input);
            if (plain.isPresent()) {
                int[] rows = {0};
                plain.get().readRows(input, (y, row) -> {
                    assertThat(y).isEqualTo(rows[0]++);
                    assertThat(row).hasSize(plain.get().rowBytes());
                });
                assertThat(rows[0]).isEqualTo(plain.get().height());
            }
        } catch (RejectedImageException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        readStreamedRows(input);
    }

    // The same, read as it streams in: the file given back whole, a clean rejection, or every row.
    private void readStreamedRows(byte[] input) {
        try {
            switch (decoder.plainPng(new java.io.ByteArrayInputStream(input))) {
                case StreamedPng.Whole whole -> assertThat(whole.bytes()).isEqualTo(input);
                case StreamedPng.Plain plain -> {
                    int[] rows = {0};
                    PlainPng png = plain.png().png();
                    plain.png().readRows((y, row) -> { // a plain end or not: both are answers
                        assertThat(y).isEqualTo(rows[0]++);
                        assertThat(row).hasSize(png.rowBytes());
                    });
                    assertThat(rows[0]).isEqualTo(png.height());
                }
            }
        } catch (RejectedImageException e) {
            assertThat(e.getMessage()).isNotBlank();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("an array cannot fail to be read", e);
        }
    }

    private static byte[] mutate(List<byte[]> seeds, Random random) {
        byte[] b = seeds.get(random.nextInt(seeds.size())).clone();
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds && b.length > 0; r++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(8)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = (byte) random.nextInt(256);
                case 2 -> b[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
                case 3 -> b = Arrays.copyOf(b, at); // truncate
                case 4 -> { // delete a range
                    int n = Math.min(b.length - at, 1 + random.nextInt(64));
                    b = TestImages.concat(TestImages.slice(b, 0, at), TestImages.slice(b, at + n, b.length));
                }
                case 5 -> { // insert random bytes
                    byte[] extra = new byte[1 + random.nextInt(32)];
                    random.nextBytes(extra);
                    b = TestImages.concat(TestImages.slice(b, 0, at), extra, TestImages.slice(b, at, b.length));
                }
                case 6 -> { // duplicate a range (repeated chunks and segments)
                    int n = Math.min(b.length - at, 1 + random.nextInt(256));
                    b = TestImages.concat(TestImages.slice(b, 0, at + n), TestImages.slice(b, at, at + n), TestImages.slice(b, at + n, b.length));
                }
                default -> { // a big-endian 16- or 32-bit value where sizes and lengths live
                    int v = random.nextBoolean() ? 0xFFFF : random.nextInt();
                    for (int i = 0; i < 4 && at + i < b.length; i++) {
                        b[at + i] = (byte) (v >>> (24 - 8 * i));
                    }
                }
            }
        }
        return b;
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        BufferedImage picture = JpegDecodingTest.gradient(32, 24);
        seeds.add(TestImages.png(picture));
        seeds.add(TestImages.jpeg(picture));
        seeds.add(TestImages.jpeg(picture, true));
        seeds.add(TestImages.jpegWithRestarts(picture, 1));
        seeds.add(TestImages.jpegWithOrientation(TestImages.jpeg(picture), 6));
        seeds.add(TestImages.jpegWithIcc(TestImages.jpeg(picture), IccProfiles.displayP3()));
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
        seeds.add(TestImages.cmykJpeg(cmyk, false));
        seeds.add(TestImages.cmykJpeg(cmyk, true));
        seeds.add(TestImages.withPngChunk(TestImages.png(picture), TestImages.iccpChunk(IccProfiles.displayP3())));
        seeds.add(TestImages.withPngChunk(TestImages.png(picture), TestImages.pngChunk("eXIf", TestImages.exifOrientation(5, ByteOrder.LITTLE_ENDIAN))));
        seeds.add(HostileCorpusTest.resource("/webp/gradient-alpha.png"));
        seeds.add(HostileCorpusTest.resource("/webp/coffee-lossy.webp"));
        seeds.add(HostileCorpusTest.resource("/webp/gradient-lossless-alpha.webp"));
        seeds.add(HostileCorpusTest.resource("/webp/gradient-lossy-alpha.webp"));
        seeds.add(TestImages.webpExtended(HostileCorpusTest.resource("/webp/gradient-lossless-alpha.webp"), 0x38, 64, 48,
                TestImages.webpChunk("ICCP", IccProfiles.displayP3()), TestImages.webpChunk("EXIF", TestImages.exifOrientation(6, ByteOrder.BIG_ENDIAN))));
        return seeds;
    }
}
