package io.atelier.engine.planner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The planner corpus ({@code planner/corpus.tsv}): instructions with the tokens they must produce. */
record Corpus(List<Case> cases) {
    /** One instruction, its register and family, and the tokens its plan must have. */
    record Case(boolean held, String register, String family, String instruction, Set<String> expected) {
        @Override
        public String toString() {
            return instruction;
        }
    }

    static Corpus load() {
        return load("/planner/corpus.tsv");
    }

    static Corpus load(String resource) {
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Corpus(text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> {
                String[] c = l.split("\t");
                if (c.length != 5) {
                    throw new IllegalStateException("corpus line needs 5 columns: " + l);
                }
                return new Case(!c[0].equals("dev"), c[1], c[2], c[3], new TreeSet<>(Arrays.asList(c[4].trim().split("\\s+"))));
            }).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Case> held() {
        return cases.stream().filter(Case::held).toList();
    }

    List<Case> dev() {
        return cases.stream().filter(c -> !c.held()).toList();
    }
}
