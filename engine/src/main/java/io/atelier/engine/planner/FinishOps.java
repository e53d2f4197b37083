package io.atelier.engine.planner;

import io.atelier.engine.ops.Contrast;
import io.atelier.engine.ops.DirectionalLight;
import io.atelier.engine.ops.Dust;
import io.atelier.engine.ops.Grain;
import io.atelier.engine.ops.LightLeak;
import io.atelier.engine.ops.Saturation;
import io.atelier.engine.ops.Steam;

import io.atelier.engine.plan.Edge;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.plan.Region;
import io.atelier.engine.plan.Rgb;
import java.util.List;

import static io.atelier.engine.planner.Strengths.clamp;
import static io.atelier.engine.planner.Strengths.clamp01;

/** Builds the finishing touches: grain, a film look, dust in the light, light leaks and flares, steam. */
final class FinishOps {
    private FinishOps() {
    }

    static Built build(Intent intent, Said said) {
        String c = said.text();
        double scale = Amounts.scale(c);
        long seed = said.seed() + said.earlier().size() * 7919L;
        return switch (intent) {
            case GRAIN -> said.has("remove|reduce|less|denoise|clean up|get rid of|too noisy|too grainy|no grain")
                    ? Built.cannot("removing grain or noise is not something the built-in engine can do")
                    : Built.of(new Grain(clamp(Strengths.GRAIN * scale, 100),
                            said.has("fine|subtle|light") ? 1.3 : said.has("coarse|heavy|chunky|big|rough") ? 2.5 : 1.7, seed));
            case FILM_LOOK -> Built.of(new Grain(clamp(Strengths.GRAIN * 0.8 * scale, 100), 1.6, seed),
                    new Contrast(clamp(-15 * scale, 100), Region.WHOLE),
                    new Saturation(clamp(-15 * scale, 100), Region.WHOLE));
            case DUST -> {
                Edge from = RegionReader.direction(c).orElseGet(() -> said.earlier().stream()
                        .filter(o -> o instanceof DirectionalLight).map(o -> ((DirectionalLight) o).from())
                        .findFirst().orElse(Edge.TOP_LEFT));
                yield Built.of(new Dust(clamp(50 * scale, 100), from, seed));
            }
            case LIGHT_LEAK, LENS_FLARE -> {
                boolean flare = intent == Intent.LENS_FLARE;
                Edge from = RegionReader.direction(c).orElse(Edge.TOP_RIGHT);
                List<Rgb> colours = ColourNames.find(c);
                Rgb colour = colours.isEmpty() ? Rgb.parse(flare ? "#ffd9a0" : "#ff8a3d") : colours.get(0);
                yield Built.of(new LightLeak(colour, from, clamp01((flare ? 0.7 : 0.6) * scale), flare));
            }
            case STEAM -> Built.of(new Steam(clamp01((said.has("gentle|subtle|faint|light|thin|soft|single|wisp") ? 0.7 : 0.85)
                    * (scale > 1 ? 1.2 : 1)), said.has("tall|high|billowing|lots") ? 0.55 : 0.4, seed));
            default -> throw new IllegalArgumentException(intent + " is not a finishing touch");
        };
    }
}
