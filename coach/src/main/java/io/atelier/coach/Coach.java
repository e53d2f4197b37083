package io.atelier.coach;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The refinement coach: reads an instruction against the branch it extends and advises as the guide
 * would, before anything is queued. Deterministic and cheap (a few regular expressions), so it runs on
 * every command.
 */
public final class Coach {
    /** Steps past which a branch is long enough that going back usually beats refining further. */
    public static final int LONG_BRANCH = 8;
    private static final Pattern TOPIC_LIGHT = Pattern.compile("\\b(light\\w*|sun\\w*|shadows?|exposure|mood|atmosphere|dark|bright)\\b");
    private static final Pattern TOPIC_FRAME = Pattern.compile("\\b(background|composition|framing|frame|crop|layout|busy|clutter\\w*|distracting)\\b");
    private static final Pattern TOPIC_COLOUR = Pattern.compile("\\b(colou?rs?|tones?)\\b");
    private static final List<String> COLOUR_EXAMPLES = List.of("make the colours more vibrant", "mute the colours slightly",
            "warm the colours towards earthy browns");

    /**
     * Advice on {@code instruction} as the next step of a branch whose earlier instructions, from the
     * first step after the original to the parent, are {@code branch}.
     */
    public Coaching advise(String instruction, List<String> branch) {
        List<String> changes = Wording.changes(instruction);
        List<String> concrete = changes.stream().filter(Wording::concrete).toList();
        Set<Layer> done = EnumSet.noneOf(Layer.class);
        branch.forEach(step -> Wording.changes(step).forEach(c -> Layer.of(c).ifPresent(done::add)));

        if (concrete.isEmpty() && Wording.judges(instruction)) {
            List<String> examples = examplesFor(instruction, done);
            return new Coaching.Refuse(new Advice(Advice.EVALUATIVE,
                    "\"" + instruction.strip() + "\" says how the picture feels, not what to change. Describe one visible change, "
                            + "for example \"" + examples.getFirst() + "\".", examples.getFirst(), examples));
        }
        List<Advice> advice = new ArrayList<>();
        if (concrete.size() >= 2) {
            advice.add(new Advice(Advice.SPLIT, "This asks for " + concrete.size() + " changes at once; when the result surprises you, "
                    + "you will not know which one caused it. Try them one step at a time.", concrete.getFirst(), concrete));
        }
        List<String> judging = changes.stream().filter(c -> !Wording.concrete(c) && Wording.judges(c)).toList();
        if (!judging.isEmpty() && !concrete.isEmpty()) {
            List<String> examples = examplesFor(String.join(" ", judging), done);
            advice.add(new Advice(Advice.EVALUATIVE, "\"" + judging.getFirst() + "\" judges the result without naming a change, so only \""
                    + String.join("\", \"", concrete) + "\" will be carried out.", examples.getFirst(), examples));
        }
        layerOrder(concrete, branch, done).ifPresent(advice::add);
        if (branch.size() + 1 > LONG_BRANCH) {
            advice.add(new Advice(Advice.LONG_BRANCH, "This branch is " + (branch.size() + 1) + " steps long. Past " + LONG_BRANCH
                    + " steps images tend to drift from where they started; compare with the original, and consider going back to an "
                    + "earlier step that worked, or starting over from the original with a different first step.", "", List.of()));
        }
        return new Coaching.Go(advice);
    }

    private static Optional<Advice> layerOrder(List<String> concrete, List<String> branch, Set<Layer> done) {
        boolean polish = concrete.stream().anyMatch(c -> Layer.of(c).orElse(Layer.LIGHT) == Layer.POLISH);
        if (polish) {
            List<Layer> missing = new ArrayList<>();
            for (Layer l : List.of(Layer.LIGHT, Layer.COMPOSITION)) {
                if (!done.contains(l)) {
                    missing.add(l);
                }
            }
            if (!missing.isEmpty()) {
                String names = String.join(" and ", missing.stream().map(Layer::words).toList());
                Layer first = missing.getFirst();
                return Optional.of(new Advice(Advice.LAYER_ORDER, "This is final polish, but " + names + (missing.size() > 1 ? " are" : " is")
                        + " not settled on this branch yet. Polish is usually redone once those change: settle " + first.words()
                        + " first, for example \"" + first.examples().getFirst() + "\".", first.examples().getFirst(), first.examples()));
            }
            return Optional.empty();
        }
        boolean foundation = concrete.stream().anyMatch(c -> Layer.of(c).filter(l -> l == Layer.LIGHT || l == Layer.COMPOSITION).isPresent());
        if (foundation) {
            for (int i = branch.size() - 1; i >= 0; i--) {
                String step = branch.get(i);
                if (Wording.changes(step).stream().anyMatch(c -> Layer.of(c).orElse(Layer.LIGHT) == Layer.POLISH)) {
                    return Optional.of(new Advice(Advice.LAYER_ORDER, "This changes " + Layer.of(concrete.getFirst()).orElse(Layer.LIGHT).words()
                            + " after the branch was polished (\"" + step + "\"); that polish may need redoing. Consider branching from "
                            + "the step before it.", "", List.of()));
                }
            }
        }
        return Optional.empty();
    }

    // concrete changes of the layer the wording is about, or else of the first layer this branch has not settled
    private static List<String> examplesFor(String text, Set<Layer> done) {
        String t = Wording.normalise(text);
        if (TOPIC_LIGHT.matcher(t).find()) {
            return Layer.LIGHT.examples();
        }
        if (TOPIC_FRAME.matcher(t).find()) {
            return Layer.COMPOSITION.examples();
        }
        if (TOPIC_COLOUR.matcher(t).find()) {
            return COLOUR_EXAMPLES;
        }
        for (Layer l : List.of(Layer.LIGHT, Layer.COMPOSITION, Layer.BRAND, Layer.POLISH)) {
            if (!done.contains(l)) {
                return l.examples();
            }
        }
        return Layer.POLISH.examples();
    }
}
