package io.atelier.engine.measure;

import io.atelier.engine.plan.Rgb;

/** One of an image's main colours and the share of pixels nearest to it (0–1). */
public record DominantColour(Rgb colour, double share) {
}
