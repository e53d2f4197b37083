package io.atelier.engine.image;

/**
 * Where a frame counts as big: from this many pixels on, no whole 8-bit picture of it is held beside it, on the heap or
 * off it. A big render's PNG is written to a temporary file as it is deflated, and a big JPEG's decoded pixels are
 * parked in one while the frame is filled. At 8 MP such a picture is 24 MB beside a 96 MB frame; at the 50 MP cap,
 * 90 MB (PNG) or 142 MiB (decoded JPEG) beside ~570 MiB.
 */
public final class BigFrames {
    public static final long PIXELS = 8_000_000;

    private BigFrames() {
    }
}
