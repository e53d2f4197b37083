package io.atelier.engine.planner;

import io.atelier.engine.ops.Blur;
import io.atelier.engine.ops.Clarity;
import io.atelier.engine.ops.Sharpen;

import io.atelier.engine.ops.Operation;
import io.atelier.engine.plan.Region;

import static io.atelier.engine.planner.Strengths.clamp;

/** Builds the focus operations: blur, sharpen, clarity. */
final class FocusOps {
    private FocusOps() {
    }

    static Built build(Intent intent, Said said) {
        String c = said.text();
        double scale = Amounts.scale(c);
        Region region = RegionReader.read(c);
        return switch (intent) {
            case BLUR -> blur(said, scale, region);
            case SHARPEN -> Built.of(new Sharpen(clamp(Strengths.SHARPEN * scale, 300), 1.0, region));
            case CLARITY -> Built.of(new Clarity(clamp(Directions.sign(intent, c) * LightOps.onScale(c, Strengths.CLARITY * scale), 100), region));
            default -> throw new IllegalArgumentException(intent + " is not a focus edit");
        };
    }

    private static Built blur(Said said, double scale, Region region) {
        if (said.has("less|remove (?:the )?blur|unblur|too blurry|deblur|fix (?:the )?blur")) {
            return Built.of(new Sharpen(clamp(Strengths.SHARPEN * scale, 300), 1.5, region));
        }
        // Depth of field and bokeh belong to the background; a blur with no place named does too when a subject is in view.
        boolean background = region instanceof Region.Background || said.has("depth of field|bokeh|dof|focus on|in focus|sharp focus|behind")
                || region instanceof Region.Whole && !said.has("whole|entire|everything|all of it|image|photo|picture|it");
        Region where = background ? new Region.Background() : region;
        double radius = Math.max(0.1, Math.min(5, Strengths.BLUR_RADIUS * scale * (said.has("shallow|creamy") ? 1.4 : 1)));
        return Built.of(new Blur(radius, where));
    }
}
