package io.atelier.engine.measure;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A rendered image as drift is measured of it: its thumbnail and full size. What a measure works out of the candidate
 * alone (its L*a*b* pixels, luminance, histogram, dominant colours) is kept here per comparison grid, so a step measured
 * against its parent and then against the original of the same size pays for its own side once. The thumbnail is
 * never changed after it is given.
 */
public final class DriftCandidate {
    private final BufferedImage thumbnail;
    private final int width;
    private final int height;
    // by (its scaled size, the grid it is compared on); two entries at most in a worker's step
    private final Map<Grid, Drift.Seen> seen = new ConcurrentHashMap<>();

    private record Grid(int scaledWidth, int scaledHeight, int gridWidth, int gridHeight) {
    }

    /** The candidate's thumbnail (or the image itself) and the full size it stands for. */
    public DriftCandidate(BufferedImage thumbnail, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a candidate has a size; got " + width + "×" + height);
        }
        this.thumbnail = thumbnail;
        this.width = width;
        this.height = height;
    }

    /** The full width of the image this candidate stands for. */
    public int width() {
        return width;
    }

    /** The full height of the image this candidate stands for. */
    public int height() {
        return height;
    }

    // The candidate at scaledWidth × scaledHeight, brought onto a gridWidth × gridHeight comparison grid.
    Drift.Seen seen(int scaledWidth, int scaledHeight, int gridWidth, int gridHeight) {
        return seen.computeIfAbsent(new Grid(scaledWidth, scaledHeight, gridWidth, gridHeight), key -> Drift.Seen.of(
                Drift.candidatePlanes(thumbnail, scaledWidth, scaledHeight, gridWidth, gridHeight), gridWidth, gridHeight));
    }
}
