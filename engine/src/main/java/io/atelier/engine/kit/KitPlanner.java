package io.atelier.engine.kit;

import io.atelier.engine.ops.Operation;
import io.atelier.engine.ops.Overlay;
import io.atelier.engine.ops.Text;
import io.atelier.engine.plan.EditPlan;
import io.atelier.engine.plan.Rgb;
import io.atelier.engine.planner.PlanOutcome;
import io.atelier.engine.planner.Planner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves references to a brand kit before the instruction reaches the planner: a saved instruction's
 * name ("apply TerraBrew morning light") returns its recorded plan unchanged; "our logo" becomes an
 * {@link Overlay} of the kit's logo; named palette colours ("brand green") become their hex codes, and
 * "our brand colours" the whole palette, which the planner already reads.
 */
public final class KitPlanner implements Planner {
    /** Who wrote a plan that was a saved instruction replayed. */
    public static final String SAVED = "brand-kit";
    private static final Pattern LEAD = Pattern.compile("^(?:please\\s+)?(?:apply|use|reuse|repeat|redo|do|give it|add)?\\s*(?:our|the|my)?\\s*");
    private static final Pattern TAIL = Pattern.compile("\\s*(?:look|preset|style|again|once more|here|to this|to it|please)?\\s*$");
    private static final Pattern CLAUSES = Pattern.compile("\\s*(?:[,;]|\\band then\\b|\\bthen\\b|\\band\\b)\\s*");
    private static final Pattern LOGO = Pattern.compile("\\blogos?\\b");
    private static final Pattern BRAND_COLOURS = Pattern.compile("\\b(?:(?:our|the|my)\\s+)?brand(?:'s)?\\s+(?:colou?rs|palette)\\b");

    private final Planner planner;
    private final KitContext kit;

    public KitPlanner(Planner planner, KitContext kit) {
        this.planner = planner;
        this.kit = kit;
    }

    @Override
    public PlanOutcome plan(String instruction) {
        Optional<EditPlan> saved = savedPlan(instruction);
        if (saved.isPresent()) {
            // reproduced exactly: the operations that worked, not a fresh reading of their words
            EditPlan plan = saved.get();
            return new PlanOutcome(EditPlan.of(instruction, SAVED, plan.operations()), List.of());
        }
        List<Operation> overlays = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String clause : CLAUSES.split(instruction.strip())) {
            if (clause.isBlank()) {
                continue;
            }
            if (LOGO.matcher(clause.toLowerCase(Locale.ROOT)).find()) {
                kit.logo().ifPresentOrElse(logo -> overlays.add(overlay(logo, clause)),
                        () -> missing.add(clause + ": the brand kit has no logo yet — upload one to the kit first"));
            } else {
                rest.add(clause);
            }
        }
        if (rest.isEmpty() && (!overlays.isEmpty() || !missing.isEmpty())) {
            return new PlanOutcome(EditPlan.of(instruction, SAVED, overlays), List.of(), List.of(), missing);
        }
        String resolved = resolveColours(overlays.isEmpty() && missing.isEmpty() ? instruction : String.join(", ", rest));
        PlanOutcome planned = planner.plan(resolved);
        List<Operation> ops = new ArrayList<>(planned.plan().operations().stream().map(this::inKitFont).toList());
        ops.addAll(overlays); // the logo goes on last, over every other change
        List<String> allMissing = new ArrayList<>(planned.missing());
        allMissing.addAll(missing);
        return new PlanOutcome(EditPlan.of(instruction, planned.plan().planner(), ops), planned.notUnderstood(), planned.synthesis(),
                allMissing, planned.notes(), planned.closest());
    }

    // text is set in the kit's font when the kit has one: the brand's typeface, named in the plan by family and digest
    private Operation inKitFont(Operation op) {
        return op instanceof Text text && text.fontSha256().isEmpty() && kit.font().isPresent()
                ? text.withFont(kit.font().get().family(), kit.font().get().sha256()) : op;
    }

    @Override
    public String capabilities() {
        return planner.capabilities();
    }

    /** The saved instruction the words name, if any: its name alone, or after "apply", "use our" and the like. */
    public Optional<EditPlan> savedPlan(String instruction) {
        String asked = core(instruction);
        return kit.saved().entrySet().stream().filter(e -> core(e.getKey()).equals(asked)).map(Map.Entry::getValue).findFirst();
    }

    private static String core(String words) {
        String t = words.toLowerCase(Locale.ROOT).replaceAll("[\"'’.!?]", " ").replaceAll("\\s+", " ").strip();
        t = LEAD.matcher(t).replaceFirst("");
        return TAIL.matcher(t).replaceFirst("").strip();
    }

    /** Palette names as hex codes, longest name first so "brand green dark" wins over "brand green". */
    String resolveColours(String text) {
        String out = text;
        if (!kit.palette().isEmpty()) {
            String all = kit.palette().values().stream().map(Rgb::hex).reduce((a, b) -> a + ", " + b).orElseThrow();
            Matcher brand = BRAND_COLOURS.matcher(out.toLowerCase(Locale.ROOT));
            if (brand.find()) {
                out = out.substring(0, brand.start()) + "a palette of " + all + out.substring(brand.end());
            }
        }
        List<Map.Entry<String, Rgb>> names = kit.palette().entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Rgb> e) -> e.getKey().length()).reversed()).toList();
        for (Map.Entry<String, Rgb> name : names) {
            out = Pattern.compile("\\b" + Pattern.quote(name.getKey()) + "\\b", Pattern.CASE_INSENSITIVE).matcher(out)
                    .replaceAll(Matcher.quoteReplacement(name.getValue().hex()));
        }
        return out;
    }

    private static Overlay overlay(KitContext.Logo logo, String clause) {
        String c = clause.toLowerCase(Locale.ROOT);
        double size = c.matches(".*\\b(small|little|tiny|discreet|subtle)\\b.*") ? logo.size() * 0.6
                : c.matches(".*\\b(large|big|bigger|prominent)\\b.*") ? logo.size() * 1.6 : logo.size();
        return Overlay.of(logo.png(), Overlay.Placement.read(c).orElse(logo.placement()), Math.max(0.02, Math.min(0.6, size)), 0.04,
                c.matches(".*\\b(faint|watermark|translucent|semi[- ]transparent)\\b.*") ? 0.5 : 1.0);
    }
}
