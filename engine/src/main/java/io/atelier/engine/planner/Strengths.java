package io.atelier.engine.planner;

/**
 * Default strengths, chosen so each makes a change a person can see on a typical photo (measured on
 * the test photo by {@code VisibleDefaultsTest}); "a touch" is 0.6 of these, "a lot" 1.8.
 */
final class Strengths {
    static final double EXPOSURE_STOPS = 0.5;
    static final double CONTRAST = 35;
    static final double TONE_RECOVERY = 50;
    static final double TEMPERATURE = 30;
    static final double TINT = 25;
    static final double SATURATION = 35;
    static final double VIBRANCE = 40;
    static final double CLARITY = 45;
    static final double SHARPEN = 120;
    static final double BLUR_RADIUS = 1.2;
    static final double VIGNETTE = 45;
    static final double GLOW = 45;
    static final double HAZE = 40;
    static final double GRAIN = 40;
    static final double TIME_OF_DAY = 0.7;
    static final double LIGHT_STOPS = 0.8;
    static final double PALETTE = 0.5;
    static final double EMPHASIS_STOPS = 0.45;

    private Strengths() {
    }

    static double clamp(double value, double limit) {
        double rounded = Math.round(value * 100.0) / 100.0;
        return Math.max(-limit, Math.min(limit, rounded));
    }

    static double clamp01(double value) {
        return Math.max(0, Math.min(1, Math.round(value * 100.0) / 100.0));
    }
}
