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
 * A second blind set ({@code planner/fresh.tsv}), written without reading the catalogue or the word lists and
 * measured once before the session's rule changes; it is never tuned on, so it keeps measuring honestly.
 * Writes {@code target/planner-fresh-report.md}.
 */
class FreshBlindTest {
    /** The first run, before any rule change made that session: recorded for the note, not asserted. */
    static final String FIRST_RUN = "26 of 32 (81.3%). By family: colour 82%, composition 67%, finish 67%, focus 100%, light 82%, not-an-edit 100%.";
    /** The level reached, rounded down, so a change that loses fresh instructions fails. */
    private static final double FLOOR = 0.93;
    /** Written blind, found at the first run to be a catalogue phrasing too (both writers reached it); kept, and no other may join. */
    private static final Set<String> CHANCE_MATCHES = Set.of("darker edges");
    private static final Corpus FRESH = Corpus.load("/planner/fresh.tsv");
    private final BuiltinPlanner planner = BuiltinPlanner.standard();

    @Test
    void freshSetHasThirtyInstructionsNoneInTheCatalogue() {
        assertThat(FRESH.cases()).hasSizeGreaterThanOrEqualTo(30);
        Set<String> catalogue = new HashSet<>();
        Catalogue.standard().entries().forEach(e -> catalogue.add(Clauses.normalise(e.phrasing())));
        List<String> leaked = new ArrayList<>();
        for (Corpus.Case c : FRESH.cases()) {
            List<String> parts = new ArrayList<>(Clauses.split(c.instruction()));
            parts.add(Clauses.normalise(c.instruction()));
            parts.stream().filter(catalogue::contains).filter(p -> !CHANCE_MATCHES.contains(p)).forEach(p -> leaked.add(p + "  (from \"" + c.instruction() + "\")"));
        }
        assertThat(leaked).as("fresh phrasings found in the catalogue").isEmpty();
    }

    @Test
    void freshSetStaysAtOrAboveItsFloor() throws IOException {
        List<String> report = new ArrayList<>();
        report.add("First run, before any change: " + FIRST_RUN);
        report.add("");
        double accuracy = CorpusScore.score(planner, FRESH.cases(), "fresh", report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/planner-fresh-report.md"), "Model: " + planner.name() + "\n\n" + String.join("\n", report) + "\n");
        assertThat(accuracy).as("fresh set; see target/planner-fresh-report.md").isGreaterThanOrEqualTo(FLOOR);
    }
}
