package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.atelier.engine.image.LinearImage;
import io.atelier.engine.plan.Edge;
import io.atelier.engine.plan.Rgb;
import io.atelier.engine.subject.SubjectMatte;
import java.util.function.Supplier;

/**
 * Light leaking in at an edge, screen-blended (1 − (1 − px)(1 − light)) so it brightens without
 * clipping. A leak is a wide wash, exp(−(d/0.45)²) from the edge point, in the leak's colour. A flare
 * is a tight bloom exp(−(d/0.2)²) at the edge point plus three faint ghost discs along the line through
 * the centre, as a lens's internal reflections place them.
 */
@JsonTypeName("light-leak")
@Doc(layer = Doc.Layer.POLISH, value = "a coloured wash from an edge, or a lens flare with ghosts")
public record LightLeak(
        @Param(doc = "colour of the light") Rgb colour,
        @Param(doc = "the side or corner it leaks in at") Edge from,
        @Param(min = 0, max = 1, doc = "how bright") double strength,
        @Param(doc = "a lens flare (bloom and ghosts) instead of a wash") boolean flare) implements Operation.Global {

    @Override
    public String describe() {
        return "added a " + (flare ? "lens flare" : "light leak") + " from the " + from.word();
    }

    @Override
    public LinearImage apply(LinearImage image, Supplier<SubjectMatte> subject) {
        int w = image.width();
        int h = image.height();
        float[] c = colour.linear();
        double sx = 0.5 + 0.5 * from.dx();
        double sy = 0.5 + 0.5 * from.dy();
        double aspect = w / (double) h;
        double[][] ghosts = {{0.35, 0.05, 0.25}, {0.75, 0.03, 0.18}, {1.3, 0.08, 0.12}};
        return image.mapPixels((x, y, px) -> {
            double fx = (x + 0.5) / w;
            double fy = (y + 0.5) / h;
            double dx = (fx - sx) * aspect;
            double dy = fy - sy;
            double d = Math.sqrt(dx * dx + dy * dy);
            double light;
            if (flare) {
                light = Math.exp(-(d / 0.2) * (d / 0.2));
                for (double[] g : ghosts) {
                    double gx = (fx - (sx + (0.5 - sx) * 2 * g[0] / 1.0)) * aspect;
                    double gy = fy - (sy + (0.5 - sy) * 2 * g[0] / 1.0);
                    double gd = Math.sqrt(gx * gx + gy * gy);
                    light += g[2] * (1 - Tone.smoothstep(g[1] * 0.8, g[1], gd));
                }
            } else {
                light = Math.exp(-(d / 0.45) * (d / 0.45));
            }
            float k = (float) (strength * light);
            for (int ch = 0; ch < 3; ch++) {
                float l = Math.min(1f, k * c[ch]);
                px[ch] = 1 - (1 - Math.min(1f, px[ch])) * (1 - l);
            }
        });
    }
}
