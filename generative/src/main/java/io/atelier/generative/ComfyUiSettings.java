package io.atelier.generative;

import io.atelier.engine.generative.Size;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how to call a ComfyUI server: its URL, the checkpoint its templates load, the inpainting and
 * text-to-image workflow templates, the sizes its model is trained for, how often to poll
 * {@code /history} and how long a workflow may take in all (queue included).
 */
public record ComfyUiSettings(URI url, String checkpoint, ComfyWorkflow inpaint, ComfyWorkflow textToImage, List<Size> sizes,
                              Duration pollEvery, Duration timeout) {
    public static final String DEFAULT_CHECKPOINT = "sd_xl_base_1.0.safetensors";
    /** SDXL's trained resolutions, about one megapixel each. */
    public static final List<Size> SDXL_SIZES = List.of(new Size(1024, 1024), new Size(1152, 896), new Size(896, 1152), new Size(1216, 832),
            new Size(832, 1216), new Size(1344, 768), new Size(768, 1344));

    public ComfyUiSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(inpaint, "inpaint");
        Objects.requireNonNull(textToImage, "textToImage");
        sizes = List.copyOf(sizes);
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("at least one accepted size");
        }
        Objects.requireNonNull(pollEvery, "pollEvery");
        Objects.requireNonNull(timeout, "timeout");
    }
}
