package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.subject.SubjectMatte;
import java.util.function.Supplier;

/**
 * Vignette: exposure changes by amount/50 stops × smoothstep(midpoint, 1, r), where r is the
 * elliptical distance from the centre (the frame's, or the subject's) — 1 at the farthest corner — so
 * the centre is untouched and the fall-off is gradual.
 */
@JsonTypeName("vignette")
@Doc(layer = Doc.Layer.LIGHT, value = "corners darker or lighter, optionally centred on the subject")
public record Vignette(
        @Param(min = -100, max = 100, doc = "negative darkens the corners, positive lightens them (up to 2 stops)") double amount,
        @Param(min = 0, max = 1, doc = "where the fall-off starts, as a fraction of the half-diagonal") double midpoint,
        @Param(doc = "centre on the subject's centre instead of the frame's") boolean aroundSubject) implements Operation.Global {

    @Override
    public String describe() {
        return (amount < 0 ? "darkened" : "lightened") + " the edges with a vignette (" + Math.round(Math.abs(amount)) + ")"
                + (aroundSubject ? " around the subject" : "");
    }

    @Override
    public LinearImage apply(LinearImage image, Supplier<SubjectMatte> subject) {
        double[] centre = aroundSubject ? subject.get().centroid() : new double[] {0.5, 0.5};
        double cx = centre[0];
        double cy = centre[1];
        int w = image.width();
        int h = image.height();
        double farX = Math.max(cx, 1 - cx);
        double farY = Math.max(cy, 1 - cy);
        double norm = Math.sqrt(farX * farX + farY * farY);
        float stops = (float) (amount / 50.0);
        float mid = (float) midpoint;
        return image.mapPixels((x, y, px) -> {
            double dx = (x + 0.5) / w - cx;
            double dy = (y + 0.5) / h - cy;
            float r = (float) (Math.sqrt(dx * dx + dy * dy) / norm);
            float gain = (float) Math.pow(2, stops * Tone.smoothstep(mid, 1f, r));
            px[0] *= gain;
            px[1] *= gain;
            px[2] *= gain;
        });
    }
}
