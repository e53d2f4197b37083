package io.atelier.engine.bench;

import io.atelier.engine.planner.BuiltinPlanner;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What loading the planner's model adds to a process: resident set size (VmRSS from /proc) and used
 * heap, before and after the built-in planner is loaded and has planned once. Writes the figures to
 * the file given as the first argument (and prints them).
 */
public final class PlannerMemory {
    private PlannerMemory() {
    }

    public static void main(String[] args) throws IOException {
        settle();
        long rssBefore = rssKb();
        long heapBefore = heapKb();
        long start = System.nanoTime();
        BuiltinPlanner planner = BuiltinPlanner.standard();
        planner.plan("warmer, softer contrast and a touch of grain");
        long loadMs = (System.nanoTime() - start) / 1_000_000;
        settle();
        long rssAfter = rssKb();
        long heapAfter = heapKb();
        List<String> lines = List.of(
                String.format(Locale.ROOT, "planner: %s", planner.name()),
                String.format(Locale.ROOT, "load and first plan: %d ms", loadMs),
                String.format(Locale.ROOT, "RSS before: %.1f MB, after: %.1f MB, added: %.1f MB", rssBefore / 1024.0, rssAfter / 1024.0,
                        (rssAfter - rssBefore) / 1024.0),
                String.format(Locale.ROOT, "used heap before: %.1f MB, after: %.1f MB, added: %.1f MB", heapBefore / 1024.0,
                        heapAfter / 1024.0, (heapAfter - heapBefore) / 1024.0));
        lines.forEach(System.out::println);
        if (args.length > 0) {
            Files.write(Path.of(args[0]), lines);
        }
    }

    private static void settle() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    private static long heapKb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
