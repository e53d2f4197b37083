package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.kernels.Kernels;
import io.atelier.engine.subject.SubjectMatte;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Rotation clockwise by any angle. Multiples of 90° move pixels exactly. Other angles resample
 * bicubically about the centre; with {@code cropToFill} the result is the largest upright rectangle
 * of the original aspect that lies wholly inside the rotated image (what straightening needs), else
 * the canvas grows to hold the whole rotated image and the corners repeat the nearest edge.
 */
@JsonTypeName("rotate")
@Doc(layer = Doc.Layer.COMPOSITION, value = "quarter turns exactly; other angles bicubic, cropped to the largest upright rectangle "
        + "(straightening)")
public record Rotate(
        @Param(min = -180, max = 180, doc = "clockwise angle") double degrees,
        @Param(doc = "crop to the largest upright rectangle with no empty corners") boolean cropToFill)
        implements Operation.Geometric {

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "rotated %.1f° %s", Math.abs(degrees), degrees >= 0 ? "clockwise" : "anticlockwise")
                + (cropToFill ? " and cropped the corners" : "");
    }

    @Override
    public Move move(LinearImage image, Supplier<SubjectMatte> subject) {
        int[] size = outputSize(image.width(), image.height());
        return new Move(this::rotate, degrees % 90 == 0, size[0], size[1]);
    }

    // the same arithmetic rotate() uses, without touching pixels
    private int[] outputSize(int w, int h) {
        double d = ((degrees % 360) + 360) % 360;
        if (d == 0 || d == 180) {
            return new int[] {w, h};
        }
        if (d == 90 || d == 270) {
            return new int[] {h, w};
        }
        double a = Math.toRadians(degrees);
        if (cropToFill) {
            double[] box = largestInscribed(w, h, a);
            return new int[] {Math.max(1, (int) Math.floor(box[0])), Math.max(1, (int) Math.floor(box[1]))};
        }
        return new int[] {(int) Math.ceil(Math.abs(w * Math.cos(a)) + Math.abs(h * Math.sin(a))),
                (int) Math.ceil(Math.abs(w * Math.sin(a)) + Math.abs(h * Math.cos(a)))};
    }

    private LinearImage rotate(LinearImage image) {
        double d = ((degrees % 360) + 360) % 360;
        if (d == 0) {
            return image;
        }
        if (d == 90 || d == 180 || d == 270) {
            return rightAngle(image, (int) (d / 90));
        }
        int w = image.width();
        int h = image.height();
        double a = Math.toRadians(degrees);
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        int nw;
        int nh;
        if (cropToFill) {
            double[] box = largestInscribed(w, h, a);
            nw = Math.max(1, (int) Math.floor(box[0]));
            nh = Math.max(1, (int) Math.floor(box[1]));
        } else {
            nw = (int) Math.ceil(Math.abs(w * cos) + Math.abs(h * sin));
            nh = (int) Math.ceil(Math.abs(w * sin) + Math.abs(h * cos));
        }
        // Output (x, y) → input: rotate back by −a about the centres.
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        double ncx = (nw - 1) / 2.0;
        double ncy = (nh - 1) / 2.0;
        double[] m = {cos, sin, cx - cos * ncx - sin * ncy, -sin, cos, cy + sin * ncx - cos * ncy};
        // Alpha is turned like colour, so the corners a tilt opens continue the edge's transparency as they do its colour.
        return image.remapped(nw, nh, plane -> {
            float[] out = Kernels.warpAffine(plane, w, h, m, nw, nh);
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.max(0f, out[i]); // bicubic overshoot below black
            }
            return out;
        });
    }

    /** Width and height of the largest rectangle with the image's aspect inside the image rotated by a radians. */
    static double[] largestInscribed(int w, int h, double a) {
        double sin = Math.abs(Math.sin(a));
        double cos = Math.abs(Math.cos(a));
        // A w'×h' box (w'/h' = w/h) rotated by a fits in w×h when w'·cos + h'·sin ≤ w and w'·sin + h'·cos ≤ h.
        double ratio = w / (double) h;
        double hByWidth = w / (ratio * cos + sin);
        double hByHeight = h / (ratio * sin + cos);
        double nh = Math.min(hByWidth, hByHeight);
        return new double[] {nh * ratio, nh};
    }

    /** Exact rotation by quarter turns clockwise. */
    static LinearImage rightAngle(LinearImage image, int quarters) {
        int w = image.width();
        int h = image.height();
        int nw = quarters % 2 == 0 ? w : h;
        int nh = quarters % 2 == 0 ? h : w;
        return image.remapped(nw, nh, src -> {
            float[] dst = new float[src.length];
            for (int y = 0; y < nh; y++) {
                for (int x = 0; x < nw; x++) {
                    int sx;
                    int sy;
                    switch (quarters) {
                        case 1 -> { sx = y; sy = h - 1 - x; }
                        case 2 -> { sx = w - 1 - x; sy = h - 1 - y; }
                        default -> { sx = w - 1 - y; sy = x; }
                    }
                    dst[y * nw + x] = src[sy * w + sx];
                }
            }
            return dst;
        });
    }

    /** Swaps x and y (a mirror about the main diagonal): lets one routine work along either axis. */
    static LinearImage transpose(LinearImage image) {
        int w = image.width();
        int h = image.height();
        return image.remapped(h, w, src -> {
            float[] dst = new float[src.length];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    dst[x * h + y] = src[y * w + x];
                }
            }
            return dst;
        });
    }
}
