package io.atelier.engine.ops;

/**
 * Oklab (Björn Ottosson, 2020), a perceptual colour space in which hue stays put as lightness and
 * chroma change — which CIELAB's blues do not. Conversions from and to linear sRGB, in place on a
 * three-value array, so a per-pixel loop allocates nothing.
 */
final class Oklab {
    private Oklab() {
    }

    /** Linear sRGB → {L, a, b}, in place. */
    static void fromLinear(float[] v) {
        double l = Math.cbrt(0.4122214708 * v[0] + 0.5363325363 * v[1] + 0.0514459929 * v[2]);
        double m = Math.cbrt(0.2119034982 * v[0] + 0.6806995451 * v[1] + 0.1073969566 * v[2]);
        double s = Math.cbrt(0.0883024619 * v[0] + 0.2817188376 * v[1] + 0.6299787005 * v[2]);
        v[0] = (float) (0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s);
        v[1] = (float) (1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s);
        v[2] = (float) (0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s);
    }

    /** {L, a, b} → linear sRGB, in place (components may fall outside 0–1 for colours outside the gamut). */
    static void toLinear(float[] v) {
        double l = cube(v[0] + 0.3963377774 * v[1] + 0.2158037573 * v[2]);
        double m = cube(v[0] - 0.1055613458 * v[1] - 0.0638541728 * v[2]);
        double s = cube(v[0] - 0.0894841775 * v[1] - 1.2914855480 * v[2]);
        v[0] = (float) (4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s);
        v[1] = (float) (-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s);
        v[2] = (float) (-0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s);
    }

    /** Hue angle in degrees, 0–360, of a colour in Oklab. */
    static double hue(float[] lab) {
        double h = Math.toDegrees(Math.atan2(lab[2], lab[1]));
        return h < 0 ? h + 360 : h;
    }

    private static double cube(double x) {
        return x * x * x;
    }
}
