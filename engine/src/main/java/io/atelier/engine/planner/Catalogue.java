package io.atelier.engine.planner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The hand-written example phrasings per intent ({@code planner/catalogue.tsv}) that clauses are compared with. */
public record Catalogue(List<Entry> entries) {
    /** One example: which intent it shows, and how a person might say it. */
    public record Entry(Intent intent, String phrasing) {
    }

    public Catalogue {
        entries = List.copyOf(entries);
    }

    public static Catalogue standard() {
        try (InputStream in = Catalogue.class.getResourceAsStream("/planner/catalogue.tsv")) {
            if (in == null) {
                throw new IllegalStateException("planner/catalogue.tsv is missing from the class path");
            }
            List<Entry> entries = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 2) {
                    throw new IllegalStateException("catalogue line is not intent<TAB>phrasing: " + line);
                }
                entries.add(new Entry(Intent.ofKey(cols[0]), cols[1].trim()));
            }
            return new Catalogue(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> examples(Intent intent) {
        return entries.stream().filter(e -> e.intent() == intent).map(Entry::phrasing).toList();
    }
}
