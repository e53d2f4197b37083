package io.atelier.coach;

import java.util.List;

/** What the coach makes of an instruction: queue it with advice, or refuse it because it names no change at all. */
public sealed interface Coaching permits Coaching.Go, Coaching.Refuse {

    /** Every piece of advice, in the order to show it. */
    List<Advice> advice();

    /** Queue the instruction; the advice goes back with the answer. */
    record Go(List<Advice> advice) implements Coaching {
        public Go {
            advice = List.copyOf(advice);
        }
    }

    /** Do not queue it: nothing in it says what to change. The advice says what would. */
    record Refuse(Advice reason) implements Coaching {
        @Override
        public List<Advice> advice() {
            return List.of(reason);
        }
    }
}
