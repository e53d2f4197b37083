package io.atelier.engine.bench;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the benchmark's 4096×4096 test image as binary PPM, so libvips and ImageMagick time the same pixels. */
public final class TestPatternWriter {
    private TestPatternWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "pattern.ppm");
        BufferedImage image = KernelBenchmark.testPattern(KernelBenchmark.SIZE);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 20)) {
            out.write(("P6\n" + image.getWidth() + " " + image.getHeight() + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            int[] row = new int[image.getWidth()];
            byte[] bytes = new byte[row.length * 3];
            for (int y = 0; y < image.getHeight(); y++) {
                image.getRGB(0, y, row.length, 1, row, 0, row.length);
                for (int x = 0; x < row.length; x++) {
                    bytes[3 * x] = (byte) (row[x] >> 16);
                    bytes[3 * x + 1] = (byte) (row[x] >> 8);
                    bytes[3 * x + 2] = (byte) row[x];
                }
                out.write(bytes);
            }
        }
    }
}
