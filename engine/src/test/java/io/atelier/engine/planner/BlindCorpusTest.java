package io.atelier.engine.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The blind corpus ({@code planner/blind.tsv}): instructions written without reading the catalogue, measured
 * once before any change (FIRST_RUN) and kept out of the catalogue since. The floor is the level honestly
 * reached after generalising fixes; it guards against regressions, it is not a target to tune toward.
 * Writes {@code target/planner-blind-report.md}.
 */
class BlindCorpusTest {
    /** The first run, before any change made with this set in view: recorded for the note, not asserted. */
    static final String FIRST_RUN = "158 of 177 (89.3%); without the 9 that matched catalogue clauses by chance, 150 of 168 (89.3%)."
            + " By family: colour 85%, composition 94%, finish 74%, focus 89%, light 95%, mixed 89%, not-an-edit 100%."
            + " By register: american 67%, british 100%, chatty 78%, jargon 94%, marketing 94%, non-native 89%, terse 100%, typos 89%.";
    /** The honestly reached level (rounded down), so a change that loses blind instructions fails. */
    private static final double FLOOR = 0.96;
    /**
     * Clauses written blind that turned out, at the first run, to be in the catalogue already (common phrasings both
     * writers reached); they are kept, reported apart, and no other blind clause may join them.
     */
    private static final Set<String> CHANCE_MATCHES = Set.of("cooler tones", "darken the corners", "flip it upside down",
            "lift the shadows", "make it nicer", "make it pop", "more saturated", "open up the shadows", "recover the highlights");
    private static final Corpus BLIND = Corpus.load("/planner/blind.tsv");
    private final BuiltinPlanner planner = BuiltinPlanner.standard();

    @Test
    void blindSetHasAtLeast120InstructionsAcrossEveryRegister() {
        assertThat(BLIND.cases()).hasSizeGreaterThanOrEqualTo(120);
        assertThat(BLIND.cases().stream().map(Corpus.Case::register).distinct())
                .containsExactlyInAnyOrder("terse", "chatty", "jargon", "marketing", "non-native", "typos", "british", "american");
    }

    @Test
    void noBlindInstructionOrClauseIsInTheCatalogue() {
        Set<String> catalogue = new HashSet<>();
        Catalogue.standard().entries().forEach(e -> catalogue.add(Clauses.normalise(e.phrasing())));
        List<String> leaked = new ArrayList<>();
        for (Corpus.Case c : BLIND.cases()) {
            List<String> parts = new ArrayList<>(Clauses.split(c.instruction()));
            parts.add(Clauses.normalise(c.instruction()));
            parts.stream().filter(catalogue::contains).filter(p -> !CHANCE_MATCHES.contains(p))
                    .forEach(p -> leaked.add(p + "  (from \"" + c.instruction() + "\")"));
        }
        assertThat(leaked).as("blind phrasings added to the catalogue").isEmpty();
    }

    @Test
    void blindSetStaysAtOrAboveItsFloor() throws IOException {
        List<String> report = new ArrayList<>();
        report.add("First run, before any change: " + FIRST_RUN);
        report.add("");
        double accuracy = CorpusScore.score(planner, BLIND.cases(), "blind", report);
        double unseen = CorpusScore.score(planner, BLIND.cases().stream().filter(c -> !matchesByChance(c)).toList(),
                "blind, without the chance matches", report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/planner-blind-report.md"), "Model: " + planner.name() + "\n\n" + String.join("\n", report) + "\n");
        assertThat(accuracy).as("blind set; see target/planner-blind-report.md").isGreaterThanOrEqualTo(FLOOR);
        assertThat(unseen).as("blind set without chance matches").isGreaterThanOrEqualTo(FLOOR);
    }

    private static boolean matchesByChance(Corpus.Case c) {
        List<String> parts = new ArrayList<>(Clauses.split(c.instruction()));
        parts.add(Clauses.normalise(c.instruction()));
        return parts.stream().anyMatch(CHANCE_MATCHES::contains);
    }
}
