package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Rgb;
import io.atelier.engine.subject.SubjectMatte;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Text set in Liberation Sans (SIL Open Font License, loaded from the PDFBox jar so no system font is
 * needed), or in a brand kit's font named by family and file digest (loaded through {@link Fonts}). The cap height is {@code size} × image height, shrunk until the line fits 86% of the width.
 * Placement AUTO picks, among the top, bottom, left and right bands, the one with the least detail
 * (mean gradient of lightness) and the least subject; the text sits in that band with a 6% margin.
 * Colour AUTO is white or near-black (#1c1c1c), whichever has the larger WCAG contrast ratio against
 * the mean luminance under the text. Glyph coverage (anti-aliased) is blended in linear light.
 */
@JsonTypeName("text")
@Doc(layer = Doc.Layer.COLOUR, value = "Liberation Sans (OFL, from the PDFBox jar) or the brand kit's font, in a band or the calmest band, "
        + "white or near-black by contrast")
public record Text(
        @Param(doc = "the words, 1–120 characters") String text,
        @Param(doc = "the band the text sits in; auto = the calmest band with the least subject") Placement placement,
        @Param(doc = "an sRGB hex colour, or \"auto\" for white or near-black, whichever contrasts more") String colour,
        @Param(min = 0.02, max = 0.3, doc = "cap height as a fraction of the image height") double size,
        // both absent (empty) for the bundled font, so plans written before kit fonts keep their JSON
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Param(doc = "the brand kit font's family name; absent for the bundled Liberation Sans") String font,
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Param(doc = "SHA-256 of the brand kit font's file, which names it; absent for the bundled font") String fontSha256)
        implements Operation.Global {
    private static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float CAP_HEIGHT_EM = 0.729f;
    private static final Font BASE_FONT = loadFont();

    /** Text in the bundled font. */
    public Text(String text, Placement placement, String colour, double size) {
        this(text, placement, colour, size, "", "");
    }

    public Text {
        fontSha256 = fontSha256 == null ? "" : fontSha256;
        // a family without the file's digest names nothing this engine can load (an LLM planner may invent one): the bundled face
        font = font == null || fontSha256.isEmpty() ? "" : font;
        if (!fontSha256.isEmpty() && !fontSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("fontSha256 must be 64 lower-case hex digits");
        }
        if (text != null && (text.isBlank() || text.length() > 120)) {
            throw new IllegalArgumentException("text must be 1–120 characters");
        }
        if (colour != null && !colour.equals("auto")) {
            Rgb.parse(colour);
        }
    }

    /** The same text in a kit font, named by its family and its file's SHA-256. */
    public Text withFont(String family, String sha256) {
        return new Text(text, placement, colour, size, family, sha256);
    }

    @Override
    public String describe() {
        return "set the text \"" + text + "\" " + placement.word() + " in " + (colour.equals("auto") ? "a contrasting colour" : colour)
                + (font.isEmpty() ? "" : ", in " + font);
    }

    @Override
    public LinearImage apply(LinearImage image, Supplier<SubjectMatte> subject) {
        int w = image.width();
        int h = image.height();
        Placement where = placement == Placement.AUTO ? calmestBand(image, subject.get().alpha()) : placement;
        float fontPx = (float) (size * h / CAP_HEIGHT_EM);
        FontRenderContext frc = new FontRenderContext(null, true, true);
        Font face = face();
        TextLayout layout = new TextLayout(text, face.deriveFont(fontPx), frc);
        Rectangle2D bounds = layout.getBounds();
        double maxWidth = (where == Placement.LEFT || where == Placement.RIGHT ? 0.43 : 0.86) * w;
        if (bounds.getWidth() > maxWidth) {
            fontPx *= (float) (maxWidth / bounds.getWidth());
            layout = new TextLayout(text, face.deriveFont(fontPx), frc);
            bounds = layout.getBounds();
        }
        double margin = 0.06 * Math.min(w, h);
        double tw = bounds.getWidth();
        double th = bounds.getHeight();
        double left = switch (where) {
            case LEFT -> margin;
            case RIGHT -> w - margin - tw;
            default -> (w - tw) / 2;
        };
        double top = switch (where) {
            case TOP -> margin;
            case BOTTOM -> h - margin - th;
            default -> (h - th) / 2;
        };
        BufferedImage coverage = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = coverage.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(java.awt.Color.WHITE);
            layout.draw(g, (float) (left - bounds.getX()), (float) (top - bounds.getY()));
        } finally {
            g.dispose();
        }
        byte[] a = ((java.awt.image.DataBufferByte) coverage.getRaster().getDataBuffer()).getData();
        float[] ink = colour.equals("auto") ? contrasting(image, (int) left, (int) top, (int) Math.ceil(tw), (int) Math.ceil(th))
                : Rgb.parse(colour).linear();
        return image.mapPixels((x, y, px) -> {
            float cover = (a[y * w + x] & 0xFF) / 255f;
            if (cover > 0) {
                px[0] += cover * (ink[0] - px[0]);
                px[1] += cover * (ink[1] - px[1]);
                px[2] += cover * (ink[2] - px[2]);
            }
        });
    }

    // a kit font must have been loaded by whoever renders (the worker does, from the step's kit)
    private Font face() {
        if (fontSha256.isEmpty()) {
            return BASE_FONT;
        }
        return Fonts.byDigest(fontSha256).orElseThrow(() -> new IllegalStateException(
                "the brand kit font \"" + font + "\" (" + fontSha256.substring(0, 12) + "…) is not loaded; it was replaced or removed from the kit"));
    }

    private static Placement calmestBand(LinearImage image, float[] subject) {
        int w = image.width();
        int h = image.height();
        float[] l = Tone.perceptual(image.luminance());
        Placement best = Placement.TOP;
        double bestScore = Double.MAX_VALUE;
        for (Placement p : new Placement[] {Placement.TOP, Placement.BOTTOM, Placement.LEFT, Placement.RIGHT}) {
            int x0 = p == Placement.RIGHT ? w * 2 / 3 : 0;
            int x1 = p == Placement.LEFT ? w / 3 : w;
            int y0 = p == Placement.BOTTOM ? h * 3 / 4 : 0;
            int y1 = p == Placement.TOP ? h / 4 : h;
            double detail = 0;
            double covered = 0;
            long n = 0;
            for (int yy = Math.max(1, y0); yy < Math.min(h - 1, y1); yy++) {
                for (int xx = Math.max(1, x0); xx < Math.min(w - 1, x1); xx++) {
                    int i = yy * w + xx;
                    detail += Math.abs(l[i] - l[i + 1]) + Math.abs(l[i] - l[i + w]);
                    covered += subject[i];
                    n++;
                }
            }
            double score = n == 0 ? Double.MAX_VALUE : detail / n + 0.5 * covered / n;
            if (score < bestScore - 1e-9) {
                bestScore = score;
                best = p;
            }
        }
        return best;
    }

    private static float[] contrasting(LinearImage image, int x, int y, int tw, int th) {
        int w = image.width();
        int h = image.height();
        float[] lum = image.luminance();
        double sum = 0;
        long n = 0;
        for (int yy = Math.max(0, y); yy < Math.min(h, y + th); yy++) {
            for (int xx = Math.max(0, x); xx < Math.min(w, x + tw); xx++) {
                sum += lum[yy * w + xx];
                n++;
            }
        }
        double under = n == 0 ? 0.5 : sum / n;
        float dark = Rgb.parse("#1c1c1c").linear()[0];
        double againstWhite = 1.05 / (under + 0.05);
        double againstDark = (under + 0.05) / (dark + 0.05);
        return againstWhite >= againstDark ? new float[] {1f, 1f, 1f} : new float[] {dark, dark, dark};
    }

    private static Font loadFont() {
        try (InputStream in = Text.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font resource missing: " + FONT_RESOURCE);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where text goes. */
    public enum Placement {
        @JsonProperty("auto") AUTO,
        @JsonProperty("top") TOP,
        @JsonProperty("bottom") BOTTOM,
        @JsonProperty("left") LEFT,
        @JsonProperty("right") RIGHT,
        @JsonProperty("centre") CENTRE;

        public String word() {
            return switch (this) {
                case AUTO -> "where the picture is calmest";
                case CENTRE -> "in the centre";
                default -> "at the " + name().toLowerCase(Locale.ROOT);
            };
        }
    }
}
