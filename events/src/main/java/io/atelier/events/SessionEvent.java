package io.atelier.events;

/** What happened in a session: the closed set of event payloads carried on the session log. */
public sealed interface SessionEvent
        permits SessionStarted, SourceImageAdded, InstructionRequested, ImageRendered, RenderFailed, SessionDeleted,
        DraftRequested, SessionRenamed, StepRenamed, StepDeleted, GenerationStarted, RenderCancelled {

    /** The event's name on the wire: the {@code type} field and the CloudEvents type suffix. */
    default String typeName() {
        return getClass().getSimpleName();
    }
}
