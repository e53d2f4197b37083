package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.image.Srgb;
import io.atelier.engine.subject.SubjectMatte;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * An RGBA image (a brand logo) composited over the frame: scaled so its width is {@code size} × the
 * frame's width (area-averaged with premultiplied alpha, so edges stay clean), placed in a corner or the
 * centre with a margin of {@code margin} × the shorter side, and blended "over" in linear light at
 * {@code opacity}. The PNG travels inside the plan (base64), so a recorded plan renders the same bytes
 * without any lookup.
 */
@JsonTypeName("overlay")
@Doc(layer = Doc.Layer.COLOUR, value = "an RGBA image (the brand kit's logo) composited in a corner or the centre, alpha-blended in linear light")
public record Overlay(
        @Param(doc = "the image: a PNG, base64-encoded; its alpha channel decides what covers the photo") String png,
        @Param(doc = "where the image sits") Placement placement,
        @Param(min = 0.02, max = 0.6, doc = "width as a fraction of the frame's width") double size,
        @Param(min = 0, max = 0.2, doc = "distance from the edges as a fraction of the shorter side") double margin,
        @Param(min = 0, max = 1, doc = "0 = invisible, 1 = as drawn") double opacity) implements Operation.Global {
    /** The largest image carried in a plan: a logo, not a photo. */
    public static final int MAX_PNG_BYTES = 512 * 1024;

    public Overlay {
        if (png != null) {
            if (png.length() > MAX_PNG_BYTES * 4 / 3 + 4) {
                throw new IllegalArgumentException("the overlay image is over " + MAX_PNG_BYTES / 1024 + " KB");
            }
            Base64.getDecoder().decode(png); // refuse a plan whose image is not base64 at all
        }
    }

    /** The overlay of {@code pngBytes}. */
    public static Overlay of(byte[] pngBytes, Placement placement, double size, double margin, double opacity) {
        return new Overlay(Base64.getEncoder().encodeToString(pngBytes), placement, size, margin, opacity);
    }

    @Override
    public String describe() {
        return "placed the logo " + placement.word() + " at " + Math.round(size * 100) + "% of the width";
    }

    @Override
    public LinearImage apply(LinearImage image, Supplier<SubjectMatte> subject) {
        BufferedImage logo = decode();
        int w = image.width();
        int h = image.height();
        int tw = Math.max(1, (int) Math.round(size * w));
        int th = Math.max(1, (int) Math.round((double) tw * logo.getHeight() / logo.getWidth()));
        if (th > h) { // a tall logo on a wide, short frame: fit the height instead
            th = h;
            tw = Math.max(1, (int) Math.round((double) th * logo.getWidth() / logo.getHeight()));
        }
        float[][] scaled = scaled(logo, tw, th); // premultiplied linear r, g, b and alpha
        int m = (int) Math.round(margin * Math.min(w, h));
        int left = switch (placement) {
            case TOP_LEFT, BOTTOM_LEFT -> m;
            case TOP_RIGHT, BOTTOM_RIGHT -> w - m - tw;
            case CENTRE -> (w - tw) / 2;
        };
        int top = switch (placement) {
            case TOP_LEFT, TOP_RIGHT -> m;
            case BOTTOM_LEFT, BOTTOM_RIGHT -> h - m - th;
            case CENTRE -> (h - th) / 2;
        };
        int fw = tw;
        int fh = th;
        float o = (float) opacity;
        return image.mapPixels((x, y, px) -> {
            int lx = x - left;
            int ly = y - top;
            if (lx < 0 || ly < 0 || lx >= fw || ly >= fh) {
                return;
            }
            int i = ly * fw + lx;
            float a = scaled[3][i] * o;
            if (a > 0) {
                for (int c = 0; c < 3; c++) {
                    px[c] = px[c] * (1 - a) + scaled[c][i] * o;
                }
            }
        });
    }

    private BufferedImage decode() {
        try {
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png)));
            if (read == null) {
                throw new IllegalArgumentException("the overlay image is not a PNG");
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Area average: every source pixel adds to the target pixel its centre falls in, so shrinking a logo
    // tenfold keeps its strokes instead of sampling them away; alpha premultiplied so no dark fringes.
    private static float[][] scaled(BufferedImage logo, int tw, int th) {
        int lw = logo.getWidth();
        int lh = logo.getHeight();
        float[][] sum = new float[4][tw * th];
        int[] count = new int[tw * th];
        for (int y = 0; y < lh; y++) {
            int ty = Math.min(th - 1, (int) ((y + 0.5) * th / lh));
            for (int x = 0; x < lw; x++) {
                int tx = Math.min(tw - 1, (int) ((x + 0.5) * tw / lw));
                int argb = logo.getRGB(x, y);
                float a = (argb >>> 24) / 255f;
                int t = ty * tw + tx;
                sum[0][t] += a * Srgb.toLinear((argb >> 16) & 0xFF);
                sum[1][t] += a * Srgb.toLinear((argb >> 8) & 0xFF);
                sum[2][t] += a * Srgb.toLinear(argb & 0xFF);
                sum[3][t] += a;
                count[t]++;
            }
        }
        // enlarging: a target pixel no source centre fell in takes its nearest source pixel
        for (int ty = 0; ty < th; ty++) {
            for (int tx = 0; tx < tw; tx++) {
                int t = ty * tw + tx;
                if (count[t] == 0) {
                    int argb = logo.getRGB(Math.min(lw - 1, (int) ((tx + 0.5) * lw / tw)), Math.min(lh - 1, (int) ((ty + 0.5) * lh / th)));
                    float a = (argb >>> 24) / 255f;
                    sum[0][t] = a * Srgb.toLinear((argb >> 16) & 0xFF);
                    sum[1][t] = a * Srgb.toLinear((argb >> 8) & 0xFF);
                    sum[2][t] = a * Srgb.toLinear(argb & 0xFF);
                    sum[3][t] = a;
                    count[t] = 1;
                }
                for (int c = 0; c < 4; c++) {
                    sum[c][t] /= count[t];
                }
            }
        }
        return sum;
    }

    /** Where the image sits. */
    public enum Placement {
        @JsonProperty("top-left") TOP_LEFT,
        @JsonProperty("top-right") TOP_RIGHT,
        @JsonProperty("bottom-left") BOTTOM_LEFT,
        @JsonProperty("bottom-right") BOTTOM_RIGHT,
        @JsonProperty("centre") CENTRE;

        public String word() {
            return this == CENTRE ? "in the centre" : "at the " + name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        /** The placement named in plain words ("bottom right", "top-left corner", "center"), if any. */
        public static java.util.Optional<Placement> read(String text) {
            String t = text.toLowerCase(Locale.ROOT).replace('-', ' ');
            boolean top = t.matches(".*\\b(top|upper)\\b.*");
            boolean bottom = t.matches(".*\\b(bottom|lower)\\b.*");
            boolean left = t.matches(".*\\bleft\\b.*");
            boolean right = t.matches(".*\\bright\\b.*");
            if (top && left) return java.util.Optional.of(TOP_LEFT);
            if (top && right) return java.util.Optional.of(TOP_RIGHT);
            if (bottom && left) return java.util.Optional.of(BOTTOM_LEFT);
            if (bottom && right) return java.util.Optional.of(BOTTOM_RIGHT);
            if (t.matches(".*\\b(centre|center|middle)\\b.*")) return java.util.Optional.of(CENTRE);
            return java.util.Optional.empty();
        }
    }
}
