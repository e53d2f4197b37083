package io.atelier.engine.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** An 8-bit sRGB colour, written as "#rrggbb" in plans. */
public record Rgb(int red, int green, int blue) {
    public Rgb {
        if ((red | green | blue) < 0 || red > 255 || green > 255 || blue > 255) {
            throw new IllegalArgumentException("colour channels must be 0–255");
        }
    }

    @JsonCreator
    public static Rgb parse(String hex) {
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        if (!h.matches("[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("not a colour: " + hex);
        }
        int v = Integer.parseInt(h, 16);
        return new Rgb(v >> 16 & 0xFF, v >> 8 & 0xFF, v & 0xFF);
    }

    @JsonValue
    public String hex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    /** Linear-light channel values 0–1. */
    public float[] linear() {
        return new float[] {io.atelier.engine.image.Srgb.toLinear(red), io.atelier.engine.image.Srgb.toLinear(green),
                io.atelier.engine.image.Srgb.toLinear(blue)};
    }
}
