package io.atelier.engine.planner;

import java.util.regex.Pattern;

/** The roles a clause can take besides asking for an edit: why (a rationale), a constraint, the method of an aim, a pointer back. */
final class ClauseRoles {
    static final Pattern RATIONALE = Pattern.compile("^(?:like|as if|as though|as in|similar to|reminiscent of|evoking|so (?:it|that|the|we|i|you|there|its)|"
            + "for (?:a|an|the|our|that)|to (?:give|make|create|get)|making (?:it|the)|giving|creating|which|that)\\b");
    static final Pattern CONSTRAINT = Pattern.compile("^(?:but |while |whilst |and )?(?:keep(?:s|ing)?|leave|leaving|without|don'?t (?:change|touch)|do not|"
            + "preserv\\w*|ensur\\w*|making sure|make sure|nothing else)\\b|\\b(?:stays?|remains?) (?:sharp|in focus|the same|as (?:it is|is))\\b");
    static final Pattern BY_METHOD = Pattern.compile("^(.+?)\\s+by\\s+(\\w+ing\\b.*)$");
    static final Pattern POINTER = Pattern.compile("\\b(them|those|there|that)\\b");

    private ClauseRoles() {
    }
}
