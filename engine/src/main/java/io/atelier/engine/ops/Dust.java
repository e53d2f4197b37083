package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Edge;
import io.atelier.engine.subject.SubjectMatte;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Dust motes in a beam of light. Up to 0.0012 × density/100 motes per pixel are scattered by a
 * seeded generator; each is kept with the probability that light reaches its depth from the lit edge
 * (1 − smoothstep(0, 0.75, depth)), so they gather in the beam. A mote is a soft Gaussian spot (most
 * small and crisp, one in six larger and out of focus, fainter), added as warm-white light in linear
 * light — motes glow because they scatter the beam, they do not occlude.
 */
@JsonTypeName("dust")
@Doc(layer = Doc.Layer.POLISH, value = "seeded motes gathered in a beam from a side")
public record Dust(
        @Param(min = 0, max = 100, doc = "how many motes") double density,
        @Param(doc = "the side or corner the beam comes from") Edge lightFrom,
        @Param(doc = "scatter seed: the same seed gives the same motes") long seed) implements Operation.Global {

    @Override
    public String describe() {
        return "added dust particles floating in light from the " + lightFrom.word();
    }

    @Override
    public LinearImage apply(LinearImage image, Supplier<SubjectMatte> subject) {
        int w = image.width();
        int h = image.height();
        double unit = Math.max(w, h) / 1000.0;
        int count = (int) Math.min(4000, 0.0012 * density / 100.0 * w * h);
        SplittableRandom random = new SplittableRandom(seed);
        float[] light = new float[w * h];
        for (int k = 0; k < count; k++) {
            double fx = random.nextDouble();
            double fy = random.nextDouble();
            boolean bokeh = random.nextInt(6) == 0;
            double radius = (bokeh ? 3 + 5 * random.nextDouble() : 0.7 + 1.6 * random.nextDouble()) * unit;
            double brightness = (bokeh ? 0.08 + 0.12 * random.nextDouble() : 0.25 + 0.5 * random.nextDouble());
            double keep = 1 - Tone.smoothstep(0, 0.75, lightFrom.depth(fx, fy));
            if (random.nextDouble() >= keep) {
                continue;
            }
            splat(light, w, h, fx * w, fy * h, radius, brightness * keep);
        }
        float[] tint = {1.0f, 0.93f, 0.8f};
        return image.mapPixels((x, y, px) -> {
            float add = light[y * w + x];
            px[0] += add * tint[0];
            px[1] += add * tint[1];
            px[2] += add * tint[2];
        });
    }

    private static void splat(float[] light, int w, int h, double cx, double cy, double radius, double brightness) {
        int r = (int) Math.ceil(radius * 3);
        for (int y = Math.max(0, (int) cy - r); y <= Math.min(h - 1, (int) cy + r); y++) {
            for (int x = Math.max(0, (int) cx - r); x <= Math.min(w - 1, (int) cx + r); x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                light[y * w + x] += (float) (brightness * Math.exp(-(dx * dx + dy * dy) / (2 * radius * radius)));
            }
        }
    }
}
