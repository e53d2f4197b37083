package io.atelier.engine.generative;

/** An image size in pixels. */
public record Size(int width, int height) {
    public Size {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a size needs positive sides, got " + width + "x" + height);
        }
    }

    /** "1024x1536", the form the providers write. */
    @Override
    public String toString() {
        return width + "x" + height;
    }

    /** Parses "WIDTHxHEIGHT". */
    public static Size parse(String text) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a size is WIDTHxHEIGHT, got '" + text + "'");
        }
        return new Size(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    }
}
