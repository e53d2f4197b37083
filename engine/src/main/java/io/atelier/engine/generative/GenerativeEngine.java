package io.atelier.engine.generative;

import java.util.List;

/**
 * A generative image service behind the seam: paints what a prompt asks, on an input image or from
 * nothing, only where a mask allows when one is given. Adapters live outside the engine (they speak
 * HTTP); the engine decides what to send and what of the answer to keep.
 */
public interface GenerativeEngine {
    /** Short provider name, shown in progress and provenance ("openai", "comfyui", "bfl"). */
    String provider();

    /** The image sizes the provider accepts; a crop is scaled to the one closest in shape. */
    List<Size> acceptedSizes();

    /** One call to the provider; throws {@link GenerationException} with a reason a person can act on. */
    Generation generate(GenerationRequest request);

    /** The accepted size whose aspect ratio is closest to {@code width}×{@code height}. */
    default Size closestSize(int width, int height) {
        double aspect = Math.log((double) width / height);
        Size best = acceptedSizes().get(0);
        for (Size s : acceptedSizes()) {
            if (Math.abs(Math.log((double) s.width() / s.height()) - aspect) < Math.abs(Math.log((double) best.width() / best.height()) - aspect)) {
                best = s;
            }
        }
        return best;
    }
}
