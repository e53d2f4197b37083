package io.atelier.engine.image;

/** The sRGB transfer function (IEC 61966-2-1) as lookup tables, exact at 8-bit input. */
public final class Srgb {
    private static final float[] TO_LINEAR = new float[256];
    private static final int ENCODE_STEPS = 65_536;
    private static final byte[] TO_SRGB = new byte[ENCODE_STEPS + 1];

    static {
        for (int i = 0; i < 256; i++) {
            TO_LINEAR[i] = (float) decode(i / 255.0);
        }
        for (int i = 0; i <= ENCODE_STEPS; i++) {
            TO_SRGB[i] = (byte) Math.round(encode(i / (double) ENCODE_STEPS) * 255.0);
        }
    }

    private Srgb() {
    }

    /** Linear light (0–1) of an 8-bit sRGB value. */
    public static float toLinear(int value8) {
        return TO_LINEAR[value8 & 0xFF];
    }

    /** 8-bit sRGB value of linear light, clipped to 0–1. */
    public static int toSrgb8(float linear) {
        if (!(linear > 0f)) {
            return 0;
        }
        if (linear >= 1f) {
            return 255;
        }
        return TO_SRGB[(int) (linear * ENCODE_STEPS + 0.5f)] & 0xFF;
    }

    public static double decode(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    public static double encode(double v) {
        return v <= 0.0031308 ? v * 12.92 : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
    }
}
