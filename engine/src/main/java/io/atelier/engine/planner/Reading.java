package io.atelier.engine.planner;

import io.atelier.engine.ops.Operation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the clauses of one instruction have produced so far: the planner's working state for one instruction. */
final class Reading {
    final String instruction;
    final long seed;
    final List<Operation> operations = new ArrayList<>();
    final List<String> synthesis = new ArrayList<>();
    final List<String> missing = new ArrayList<>();
    final java.util.Map<String, Intent> missingFor = new java.util.HashMap<>();
    final List<String> notes = new ArrayList<>();
    final List<String> unclear = new ArrayList<>();
    final List<String> pendingResults = new ArrayList<>();
    final List<String> uncued = new ArrayList<>();
    final Set<String> closest = new LinkedHashSet<>();
    final Set<Intent> applied = java.util.EnumSet.noneOf(Intent.class);
    final Set<String> done = new java.util.HashSet<>();
    /** Operations read from a clause that describes the problem, by edit and region, with that clause. */
    final java.util.Map<String, Described> fromProblem = new java.util.HashMap<>();
    /** Edits (by edit and region) an explicit ask has set. */
    final Set<String> asked = new java.util.HashSet<>();
    Intent lastIntent;
    boolean subjectMentioned;
    boolean lastWasSynthesis;

    Reading(String instruction, long seed) {
        this.instruction = instruction;
        this.seed = seed;
    }

    /** Operations read from a clause that describes the problem, with the direction they took. */
    record Described(String clause, int sign, List<Operation> operations) {
    }
}
