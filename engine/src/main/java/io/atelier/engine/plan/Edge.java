package io.atelier.engine.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** A side or corner of the frame: where light comes from, where room is left, where a band lies. */
public enum Edge {
    @JsonProperty("left") LEFT(-1, 0),
    @JsonProperty("right") RIGHT(1, 0),
    @JsonProperty("top") TOP(0, -1),
    @JsonProperty("bottom") BOTTOM(0, 1),
    @JsonProperty("top-left") TOP_LEFT(-1, -1),
    @JsonProperty("top-right") TOP_RIGHT(1, -1),
    @JsonProperty("bottom-left") BOTTOM_LEFT(-1, 1),
    @JsonProperty("bottom-right") BOTTOM_RIGHT(1, 1);

    private final int dx;
    private final int dy;

    Edge(int dx, int dy) {
        this.dx = dx;
        this.dy = dy;
    }

    /** −1, 0 or 1: where the edge lies horizontally. */
    public int dx() {
        return dx;
    }

    /** −1, 0 or 1: where the edge lies vertically (−1 = top). */
    public int dy() {
        return dy;
    }

    public boolean straight() {
        return dx == 0 || dy == 0;
    }

    /** "left", "top right"… */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * How far (0 at this edge, 1 at the opposite one) the point at fractions (fx, fy) of the frame lies,
     * measured along the direction from this edge into the image.
     */
    public double depth(double fx, double fy) {
        if (dy == 0) {
            return dx < 0 ? fx : 1 - fx;
        }
        if (dx == 0) {
            return dy < 0 ? fy : 1 - fy;
        }
        double ax = dx < 0 ? fx : 1 - fx;
        double ay = dy < 0 ? fy : 1 - fy;
        return (ax + ay) / 2;
    }
}
