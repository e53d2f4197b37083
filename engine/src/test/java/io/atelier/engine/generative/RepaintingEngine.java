package io.atelier.engine.generative;

import io.atelier.imaging.PngEncoder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A stand-in provider that behaves like the real ones where it matters to the commit: it paints a
 * visible warm shape where the mask is transparent (or, without a mask, in the lower-right quarter),
 * and, like a real model, does not return the rest of the picture exactly (a slight lift and noise).
 */
final class RepaintingEngine implements GenerativeEngine {
    final List<GenerationRequest> requests = new ArrayList<>();

    @Override
    public String provider() {
        return "test";
    }

    @Override
    public List<Size> acceptedSizes() {
        return List.of(new Size(1024, 1024), new Size(1536, 1024), new Size(1024, 1536));
    }

    @Override
    public Generation generate(GenerationRequest request) {
        requests.add(request);
        BufferedImage out = request.image().map(RepaintingEngine::read).orElseGet(() -> blank(request.size()));
        BufferedImage mask = request.mask().map(RepaintingEngine::read).orElse(null);
        int w = out.getWidth();
        int h = out.getHeight();
        Random noise = new Random(7);
        BufferedImage painted = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = painted.createGraphics();
        g.drawImage(out, 0, 0, null);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(224, 172, 140));
        g.fillOval(w * 5 / 8, h * 5 / 8, w / 4, h / 5);
        g.dispose();
        BufferedImage answer = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean repaint = mask == null ? true : (mask.getRGB(x, y) >>> 24) == 0;
                int rgb = repaint ? painted.getRGB(x, y) : out.getRGB(x, y);
                int lift = 2 + noise.nextInt(3);
                answer.setRGB(x, y, clamp((rgb >> 16 & 255) + lift) << 16 | clamp((rgb >> 8 & 255) + lift) << 8 | clamp((rgb & 255) + lift));
            }
        }
        byte[] png = PngEncoder.encode(answer);
        return new Generation(png, new Provenance("test", "repaint-1", "req-" + requests.size(), java.util.Optional.of("revised: " + request.prompt()),
                OptionalLong.empty(), Map.of("output_tokens", 1)), "{\"ok\":true}".getBytes(), "application/json");
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static BufferedImage blank(Size size) {
        BufferedImage b = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = b.createGraphics();
        g.setColor(new Color(120, 90, 60));
        g.fillRect(0, 0, size.width(), size.height());
        g.dispose();
        return b;
    }

    static BufferedImage read(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
