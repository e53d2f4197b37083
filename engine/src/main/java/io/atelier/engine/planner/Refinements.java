package io.atelier.engine.planner;

import io.atelier.engine.ops.CropToAspect;
import io.atelier.engine.ops.DirectionalLight;
import io.atelier.engine.ops.Gradient;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.ops.PaletteGrade;
import io.atelier.engine.ops.SplitTone;
import io.atelier.engine.plan.Rgb;
import java.util.ArrayList;
import java.util.List;

/**
 * A description that adjusts the edit before it rather than asking for a new one: shadows for a light,
 * colours for a palette, a gradient or a split tone, the subject for a crop.
 */
final class Refinements {
    private Refinements() {
    }

    // A description that adjusts the edit before it: shadows for a light, colours for a palette, the subject for a crop.
    /** True when the clause only adjusted the edit before it (so it is not read for an edit of its own). */
    static boolean refine(String clause, Reading r) {
        if (r.operations.isEmpty()) {
            return false;
        }
        int last = r.operations.size() - 1;
        Operation previous = r.operations.get(last);
        Said said = new Said(clause, clause, 0, r.subjectMentioned, r.operations);
        if (previous instanceof SplitTone tone && clause.matches(".*\\b(highlights?|shadows?)\\b.*")
                && !clause.matches(".*\\b(lift|deepen|recover|brighten|darken|crush|open)\\w*.*")) {
            List<Rgb> tones = ColourNames.find(clause.replaceAll("\\bwarm\\b", "amber").replaceAll("\\bcool\\b", "blue"));
            if (!tones.isEmpty()) {
                boolean shadows = clause.matches(".*\\bshadows?\\b.*") && !clause.matches(".*\\bhighlights?\\b.*");
                r.operations.set(last, shadows ? new SplitTone(tone.highlights(), tones.get(0), tone.strength())
                        : new SplitTone(tones.get(0), tones.size() > 1 ? tones.get(1) : tone.shadows(), tone.strength()));
            }
            return true; // "split toning: gold highlights, teal shadows"
        }
        if (previous instanceof DirectionalLight light && LightOps.shadowOf(said) > 0
                && !clause.matches(".*\\b(lift|deepen|recover|brighten|darken|crush|open)\\w*.*")) {
            r.operations.set(last, new DirectionalLight(light.from(), light.strength(), light.colour(), light.softness(),
                    LightOps.shadowOf(said)));
            return true;
        }
        List<Rgb> colours = ColourNames.find(clause);
        if (previous instanceof Gradient g && !colours.isEmpty() && Clauses.onlyColours(clause)) {
            r.operations.set(last, new Gradient(g.from(), colours.get(0), g.start(), g.opacity(), g.region()));
            return true;
        }
        if (previous instanceof PaletteGrade p && !colours.isEmpty() && p.palette().size() + colours.size() <= 12) {
            List<Rgb> palette = new ArrayList<>(p.palette());
            palette.addAll(colours);
            r.operations.set(last, new PaletteGrade(p.name(), palette, p.strength(), p.region()));
            return true;
        }
        if (previous instanceof CropToAspect && !Cues.anyEditCue(clause) && (RegionReader.SUBJECT.matcher(clause).find() || clause.matches(".*\\b(middle|cent(?:er|re)d?)\\b.*"))) {
            r.notes.add("kept the subject in the crop (\"" + clause + "\")");
            return true; // the crop is anchored on the subject at the end
        }
        return false;
    }
}
