package io.atelier.engine;

import io.atelier.engine.image.DecodedImage;
import io.atelier.engine.image.ImageDecoder;
import io.atelier.engine.image.ImageLimits;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.image.PngEncoder;
import io.atelier.engine.image.RejectedImageException;
import io.atelier.engine.image.Thumbnails;
import io.atelier.engine.planner.PlanOutcome;
import io.atelier.engine.planner.Planner;
import io.atelier.engine.planner.RuleBasedPlanner;
import io.atelier.engine.render.RenderOutcome;
import io.atelier.engine.render.Renderer;
import java.awt.image.BufferedImage;

/** The built-in engine: plans an instruction, runs the plan on an image, encodes the result and its thumbnail. */
public final class Engine {
    /** Recorded with every render; bump when any operation's output bytes may change. */
    public static final String VERSION = "atelier-engine/0.1.0";

    private final Planner planner;
    private final ImageDecoder decoder;

    public Engine(Planner planner, ImageLimits limits) {
        this.planner = planner;
        this.decoder = new ImageDecoder(limits);
    }

    public static Engine standard() {
        return new Engine(new RuleBasedPlanner(), ImageLimits.DEFAULT);
    }

    public RenderOutcome render(byte[] sourceImage, String instruction) {
        PlanOutcome planned = planner.plan(instruction);
        if (!planned.fullyUnderstood()) {
            String reason = planned.notUnderstood().isEmpty()
                    ? "The instruction asks for no change I can make."
                    : "I did not understand: \"" + String.join("\", \"", planned.notUnderstood()) + "\""
                    + (planned.plan().operations().isEmpty() ? "." : " (I did understand the rest, but will not half-do a step).");
            return new RenderOutcome.Failed(reason, planner.capabilities(), planned.notUnderstood());
        }
        DecodedImage decoded;
        try {
            decoded = decoder.decode(sourceImage);
        } catch (RejectedImageException e) {
            return new RenderOutcome.Failed("The parent image cannot be read: " + e.getMessage(),
                    "Branch from another step or upload the source again.", java.util.List.of());
        }
        LinearImage result = Renderer.run(planned.plan(), LinearImage.from(decoded.image()));
        BufferedImage out = result.toBufferedImage();
        BufferedImage thumb = Thumbnails.fit(out, Thumbnails.DEFAULT_SIZE);
        return new RenderOutcome.Rendered(planned.plan(), PngEncoder.encode(out), out.getWidth(), out.getHeight(),
                PngEncoder.encode(thumb), thumb.getWidth(), thumb.getHeight());
    }
}
