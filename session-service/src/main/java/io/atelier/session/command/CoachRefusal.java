package io.atelier.session.command;

import io.atelier.coach.Advice;

/** An instruction the coach refused because it names no change; answered as a no-concrete-change problem with the advice. */
public class CoachRefusal extends RuntimeException {
    private final transient Advice advice;

    public CoachRefusal(Advice advice) {
        super(advice.message(), null, false, false);
        this.advice = advice;
    }

    public Advice advice() {
        return advice;
    }
}
