package io.atelier.engine.planner;

/** Sends an intent to the builder for its family: the only place that knows which file constructs which operation. */
final class OperationBuilders {
    private OperationBuilders() {
    }

    static Built build(Intent intent, Said said) {
        return switch (intent.family()) {
            case LIGHT -> LightOps.build(intent, said);
            case COLOUR -> ColourOps.build(intent, said);
            case COMPOSITION -> FrameOps.build(intent, said);
            case FOCUS -> FocusOps.build(intent, said);
            case FINISH -> FinishOps.build(intent, said);
            case NOT_AN_EDIT -> throw new IllegalArgumentException(intent + " is not an edit");
        };
    }
}
