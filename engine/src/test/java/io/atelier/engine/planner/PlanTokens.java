package io.atelier.engine.planner;

import io.atelier.engine.ops.AutoLevel;
import io.atelier.engine.ops.AutoWhiteBalance;
import io.atelier.engine.ops.Blur;
import io.atelier.engine.ops.Border;
import io.atelier.engine.ops.HueAdjust;
import io.atelier.engine.ops.Clarity;
import io.atelier.engine.ops.ColourOverlay;
import io.atelier.engine.ops.Contrast;
import io.atelier.engine.ops.CropToAspect;
import io.atelier.engine.ops.DirectionalLight;
import io.atelier.engine.ops.Dust;
import io.atelier.engine.ops.Exposure;
import io.atelier.engine.ops.Flip;
import io.atelier.engine.ops.Glow;
import io.atelier.engine.ops.Gradient;
import io.atelier.engine.ops.Grain;
import io.atelier.engine.ops.LightLeak;
import io.atelier.engine.ops.Monochrome;
import io.atelier.engine.ops.PaletteGrade;
import io.atelier.engine.ops.Reframe;
import io.atelier.engine.ops.Resize;
import io.atelier.engine.ops.Rotate;
import io.atelier.engine.ops.Saturation;
import io.atelier.engine.ops.Sharpen;
import io.atelier.engine.ops.SplitTone;
import io.atelier.engine.ops.Steam;
import io.atelier.engine.ops.Text;
import io.atelier.engine.ops.TimeOfDay;
import io.atelier.engine.ops.ToneRecovery;
import io.atelier.engine.ops.Vibrance;
import io.atelier.engine.ops.Vignette;
import io.atelier.engine.ops.WhiteBalance;

import io.atelier.engine.ops.Operation;
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
                case Exposure e -> tokens.add("exposure" + sign(e.stops()));
                case Contrast c -> tokens.add("contrast" + sign(c.amount()));
                case ToneRecovery t -> {
                    if (t.highlights() != 0) {
                        tokens.add("highlights" + sign(t.highlights()));
                    }
                    if (t.shadows() != 0) {
                        tokens.add("shadows" + sign(t.shadows()));
                    }
                }
                case WhiteBalance w -> {
                    if (w.temperature() != 0) {
                        tokens.add("temperature" + sign(w.temperature()));
                    }
                    if (w.tint() != 0) {
                        tokens.add("tint" + sign(w.tint()));
                    }
                }
                case Saturation s -> tokens.add("saturation" + sign(s.amount()));
                case Vibrance v -> tokens.add("saturation" + sign(v.amount()));
                case Clarity c -> tokens.add("clarity" + sign(c.amount()));
                case Vignette v -> tokens.add("vignette" + sign(v.amount()));
                case Rotate r -> tokens.add("rotate" + sign(r.degrees()));
                case Monochrome m -> tokens.add("monochrome");
                case PaletteGrade p -> tokens.add("palette");
                case SplitTone s -> tokens.add("split-tone");
                case ColourOverlay o -> tokens.add("overlay");
                case Gradient g -> tokens.add("gradient");
                case CropToAspect c -> tokens.add("crop");
                case Reframe r -> tokens.add("reframe");
                case Flip f -> tokens.add("flip");
                case Resize r -> tokens.add("resize");
                case Text t -> tokens.add("text");
                case io.atelier.engine.ops.Overlay o -> tokens.add("logo");
                case Blur b -> tokens.add("blur");
                case Sharpen s -> tokens.add("sharpen");
                case Grain g -> tokens.add("grain");
                case Dust d -> tokens.add("dust");
                case LightLeak l -> tokens.add("light-leak");
                case Steam s -> tokens.add("steam");
                case Glow g -> tokens.add(g.kind() == Glow.Kind.GLOW ? "glow" : "haze");
                case TimeOfDay t -> tokens.add("time-of-day");
                case DirectionalLight l -> tokens.add("light");
                case HueAdjust h -> tokens.add("hue:" + h.colours().name().toLowerCase(java.util.Locale.ROOT)
                        + (h.saturation() != 0 ? sign(h.saturation()) : h.lightness() != 0 ? (h.lightness() > 0 ? "+light" : "-light") : "~shift"));
                case AutoWhiteBalance a -> tokens.add("auto-white-balance");
                case AutoLevel a -> tokens.add("auto-level");
                case Border b -> tokens.add("border");
                case io.atelier.engine.ops.Synthesize s -> tokens.add("!synthesis");
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
