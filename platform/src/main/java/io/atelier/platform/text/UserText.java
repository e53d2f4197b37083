package io.atelier.platform.text;

import io.atelier.platform.problem.Problem;
import io.atelier.platform.problem.ProblemException;

/**
 * The one check of text a person types (session titles, instructions, and later brand-kit names):
 * characters nobody types are refused with a 400 before anything is stored. NUL is the sharp case —
 * PostgreSQL cannot store it in a text column, so it used to surface as a 500 — but every C0 and C1
 * control character (and DEL) is refused too: they are invisible in the studio, can rewrite a
 * terminal that prints a log line, and mean nothing to the planner. An unpaired UTF-16 surrogate is
 * refused because it has no UTF-8 form to store.
 */
public final class UserText {
    /** Whether the text may break lines. */
    public enum Lines {
        /**
         * One line: a title is shown in lists and the page title, where a line break or tab would be invisible
         * or break the layout.
         */
        SINGLE,
        /**
         * Tab, line feed and carriage return allowed: instructions are pasted from briefs and chats with line
         * breaks, and the planner reads any whitespace as a space, so they are harmless there.
         */
        MULTI
    }

    private UserText() {
    }

    /** Returns {@code value} unchanged, or throws the {@code control-character} problem naming the field and position. */
    public static String check(String field, String value, Lines lines) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw refused(field, c, i, "an unpaired surrogate, which has no UTF-8 form", lines);
            }
            if (isControl(c) && !(lines == Lines.MULTI && (c == '\t' || c == '\n' || c == '\r'))) {
                throw refused(field, c, i, "a control character", lines);
            }
        }
        return value;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    private static ProblemException refused(String field, char c, int index, String what, Lines lines) {
        String allowed = "Remove it; text may not contain control characters"
                + (lines == Lines.MULTI ? " other than tab and line breaks." : ".");
        return new ProblemException(Problem.of("control-character", "Control character in text", 400,
                String.format("The %s has U+%04X (%s) at position %d. %s", field, (int) c, what, index, allowed)));
    }
}
