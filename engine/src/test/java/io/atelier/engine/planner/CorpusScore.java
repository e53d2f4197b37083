package io.atelier.engine.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Scores a planner on corpus cases (same operations, same directions) and writes the per-family and per-register tables. */
final class CorpusScore {
    private CorpusScore() {
    }

    static double score(Planner planner, List<Corpus.Case> cases, String label, List<String> report) {
        List<String> failures = new ArrayList<>();
        Map<String, int[]> byFamily = new TreeMap<>();
        Map<String, int[]> byRegister = new TreeMap<>();
        int right = 0;
        for (Corpus.Case c : cases) {
            PlanOutcome outcome = planner.plan(c.instruction());
            java.util.Set<String> got = PlanTokens.of(outcome);
            boolean ok = got.equals(c.expected());
            right += ok ? 1 : 0;
            count(byFamily, c.family(), ok);
            count(byRegister, c.register(), ok);
            if (!ok) {
                failures.add("- `" + c.instruction() + "`: expected " + c.expected() + ", got " + got + " " + outcome.plan().whatIDid()
                        + (outcome.notUnderstood().isEmpty() ? "" : " " + outcome.notUnderstood()));
            }
        }
        double accuracy = (double) right / cases.size();
        report.add(String.format(Locale.ROOT, "## %s: %d of %d right (%.1f%%)", label, right, cases.size(), 100 * accuracy));
        report.add("");
        table(report, "family", byFamily);
        table(report, "register", byRegister);
        report.add("Misses:");
        report.addAll(failures);
        report.add("");
        return accuracy;
    }

    private static void count(Map<String, int[]> into, String key, boolean ok) {
        int[] n = into.computeIfAbsent(key, k -> new int[2]);
        n[0] += ok ? 1 : 0;
        n[1]++;
    }

    private static void table(List<String> report, String what, Map<String, int[]> rows) {
        report.add("| " + what + " | right | total | accuracy |");
        report.add("|---|---|---|---|");
        rows.forEach((k, n) -> report.add(String.format(Locale.ROOT, "| %s | %d | %d | %.0f%% |", k, n[0], n[1], 100.0 * n[0] / n[1])));
        report.add("");
    }
}
