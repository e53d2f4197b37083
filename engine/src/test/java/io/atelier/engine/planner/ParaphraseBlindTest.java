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
 * Held-out paraphrases ({@code planner/paraphrases.tsv}) of four misses found by hand: a quarter turn, a named colour
 * cast, a see-through colour layer and a bluer sky. Written before the fixes and never put in the catalogue, so they
 * show whether a fix reads the meaning or only the phrasing it was made for. Writes {@code target/planner-paraphrase-report.md}.
 */
class ParaphraseBlindTest {
    /** The first run, before the fixes: recorded for the note, not asserted. */
    static final String FIRST_RUN = "2 of 22 (9.1%): quarter turns 1 of 6, named casts 0 of 5, see-through layers 0 of 5, a bluer sky 1 of 6. After the fixes: 22 of 22.";
    /** The level reached (rounded down), so a change that loses these fails. */
    private static final double FLOOR = 0.95;
    private static final Corpus PARAPHRASES = Corpus.load("/planner/paraphrases.tsv");
    private final BuiltinPlanner planner = BuiltinPlanner.standard();

    @Test
    void noParaphraseIsInTheCatalogue() {
        Set<String> catalogue = new HashSet<>();
        Catalogue.standard().entries().forEach(e -> catalogue.add(Clauses.normalise(e.phrasing())));
        List<String> leaked = new ArrayList<>();
        for (Corpus.Case c : PARAPHRASES.cases()) {
            List<String> parts = new ArrayList<>(Clauses.split(c.instruction()));
            parts.add(Clauses.normalise(c.instruction()));
            parts.stream().filter(catalogue::contains).forEach(p -> leaked.add(p + "  (from \"" + c.instruction() + "\")"));
        }
        assertThat(PARAPHRASES.cases()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(leaked).as("paraphrases found in the catalogue").isEmpty();
    }

    @Test
    void paraphrasesStayAtOrAboveTheirFloor() throws IOException {
        List<String> report = new ArrayList<>();
        report.add("First run, before the fixes: " + FIRST_RUN);
        report.add("");
        double accuracy = CorpusScore.score(planner, PARAPHRASES.cases(), "paraphrases", report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/planner-paraphrase-report.md"), "Model: " + planner.name() + "\n\n" + String.join("\n", report) + "\n");
        assertThat(accuracy).as("paraphrases; see target/planner-paraphrase-report.md").isGreaterThanOrEqualTo(FLOOR);
    }
}
