package io.atelier.engine.planner;

import io.atelier.engine.ops.Operation;
import java.util.List;

/**
 * One clause as the operation builders see it: its normalised words, the instruction as typed (for
 * quoted text), a seed for the seeded operations, and what earlier clauses established.
 */
record Said(String text, String original, long seed, boolean subjectMentioned, List<Operation> earlier) {
    Said {
        earlier = List.copyOf(earlier);
    }

    boolean has(String regex) {
        return text.matches(".*\\b(?:" + regex + ")\\b.*");
    }
}
