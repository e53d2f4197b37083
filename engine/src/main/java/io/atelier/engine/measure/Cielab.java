package io.atelier.engine.measure;

import io.atelier.engine.image.Srgb;

/** CIE 1976 L*a*b* (D65 white) from linear or 8-bit sRGB, and ΔE76 between colours. */
public final class Cielab {
    private static final double XN = 0.95047;
    private static final double ZN = 1.08883;

    private Cielab() {
    }

    /** L*, a*, b* of a linear-light sRGB colour. */
    public static double[] fromLinear(double r, double g, double b) {
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / XN;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / ZN;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    /** Linear-light sRGB of an L*, a*, b* colour (not clipped). */
    public static double[] toLinear(double l, double a, double bStar) {
        double fy = (l + 16) / 116;
        double fx = fy + a / 500;
        double fz = fy - bStar / 200;
        double x = inv(fx) * XN;
        double y = inv(fy);
        double z = inv(fz) * ZN;
        return new double[] {
                3.2404542 * x - 1.5371385 * y - 0.4985314 * z,
                -0.9692660 * x + 1.8760108 * y + 0.0415560 * z,
                0.0556434 * x - 0.2040259 * y + 1.0572252 * z};
    }

    /** L*, a*, b* of a packed 0xRRGGBB sRGB pixel. */
    public static double[] fromRgb(int rgb) {
        return fromLinear(Srgb.toLinear(rgb >>> 16), Srgb.toLinear(rgb >>> 8), Srgb.toLinear(rgb));
    }

    /** Euclidean distance in L*a*b* (ΔE 1976); about 1 is the smallest difference people notice. */
    public static double deltaE76(double[] lab1, double[] lab2) {
        double dl = lab1[0] - lab2[0];
        double da = lab1[1] - lab2[1];
        double db = lab1[2] - lab2[2];
        return Math.sqrt(dl * dl + da * da + db * db);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static double inv(double f) {
        double f3 = f * f * f;
        return f3 > 216.0 / 24389 ? f3 : (116 * f - 16) / (24389.0 / 27);
    }
}
