package io.atelier.engine.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes a big, reproducible test photo for bench/render.sh: a sample photo enlarged bicubically to the asked size,
 * with seeded per-pixel noise (σ ≈ 3 levels, like a camera's) so it compresses like a real photo rather than a smooth
 * gradient, saved as a quality-90 JPEG, or, for an OUTPUT ending in .png, as the engine writes every step (the parent of
 * every step after the upload). Usage: {@code TestPhotoWriter SOURCE WIDTH HEIGHT OUTPUT.jpg|OUTPUT.png}.
 */
public final class TestPhotoWriter {
    private TestPhotoWriter() {
    }

    public static void main(String[] args) throws Exception {
        BufferedImage source = ImageIO.read(new File(args[0]));
        int w = Integer.parseInt(args[1]);
        int h = Integer.parseInt(args[2]);
        BufferedImage big = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(source, 0, 0, w, h, null);
        g.dispose();
        SplittableRandom random = new SplittableRandom(20261128L);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            big.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                row[x] = noisy(p >> 16, random) << 16 | noisy(p >> 8, random) << 8 | noisy(p, random);
            }
            big.setRGB(0, y, w, 1, row, 0, w);
        }
        if (args[3].endsWith(".png")) {
            java.nio.file.Files.write(java.nio.file.Path.of(args[3]), io.atelier.imaging.PngEncoder.encode(big));
            return;
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(new File(args[3]))) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(big, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static int noisy(int channel, SplittableRandom random) {
        int v = (channel & 0xFF) + (int) Math.round(random.nextGaussian() * 3);
        return Math.max(0, Math.min(255, v));
    }
}
