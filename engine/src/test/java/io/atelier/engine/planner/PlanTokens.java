package io.atelier.engine.planner;

import io.atelier.engine.plan.Operation;
import java.util.Set;
import java.util.TreeSet;

/** Reduces a planner outcome to the corpus's tokens: each operation with its direction, and the kind of refusal. */
final class PlanTokens {
    private PlanTokens() {
    }

    static Set<String> of(PlanOutcome outcome) {
        Set<String> tokens = new TreeSet<>();
        for (Operation op : outcome.plan().operations()) {
            switch (op) {
                case Operation.Exposure e -> tokens.add("exposure" + sign(e.stops()));
                case Operation.Contrast c -> tokens.add("contrast" + sign(c.amount()));
                case Operation.ToneRecovery t -> {
                    if (t.highlights() != 0) {
                        tokens.add("highlights" + sign(t.highlights()));
                    }
                    if (t.shadows() != 0) {
                        tokens.add("shadows" + sign(t.shadows()));
                    }
                }
                case Operation.WhiteBalance w -> {
                    if (w.temperature() != 0) {
                        tokens.add("temperature" + sign(w.temperature()));
                    }
                    if (w.tint() != 0) {
                        tokens.add("tint" + sign(w.tint()));
                    }
                }
                case Operation.Saturation s -> tokens.add("saturation" + sign(s.amount()));
                case Operation.Vibrance v -> tokens.add("saturation" + sign(v.amount()));
                case Operation.Clarity c -> tokens.add("clarity" + sign(c.amount()));
                case Operation.Vignette v -> tokens.add("vignette" + sign(v.amount()));
                case Operation.Rotate r -> tokens.add("rotate" + sign(r.degrees()));
                case Operation.Monochrome m -> tokens.add("monochrome");
                case Operation.PaletteGrade p -> tokens.add("palette");
                case Operation.SplitTone s -> tokens.add("split-tone");
                case Operation.ColourOverlay o -> tokens.add("overlay");
                case Operation.Gradient g -> tokens.add("gradient");
                case Operation.CropToAspect c -> tokens.add("crop");
                case Operation.Reframe r -> tokens.add("reframe");
                case Operation.Flip f -> tokens.add("flip");
                case Operation.Text t -> tokens.add("text");
                case Operation.Blur b -> tokens.add("blur");
                case Operation.Sharpen s -> tokens.add("sharpen");
                case Operation.Grain g -> tokens.add("grain");
                case Operation.Dust d -> tokens.add("dust");
                case Operation.LightLeak l -> tokens.add("light-leak");
                case Operation.Steam s -> tokens.add("steam");
                case Operation.Glow g -> tokens.add(g.kind() == Operation.Glow.Kind.GLOW ? "glow" : "haze");
                case Operation.TimeOfDay t -> tokens.add("time-of-day");
                case Operation.DirectionalLight l -> tokens.add("light");
            }
        }
        if (!outcome.synthesis().isEmpty()) {
            tokens.add("!synthesis");
        }
        if (!outcome.missing().isEmpty()) {
            tokens.add("!missing");
        }
        if (!outcome.notUnderstood().isEmpty()) {
            tokens.add("!unclear");
        }
        return tokens;
    }

    private static String sign(double v) {
        return v >= 0 ? "+" : "-";
    }
}
