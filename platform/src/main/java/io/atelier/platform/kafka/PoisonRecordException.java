package io.atelier.platform.kafka;

/**
 * A record this build must not process and must not skip (an event from a newer contract version, a
 * gap in a session's sequence): the loop stops without committing past it and reports itself down,
 * so an operator or an upgraded instance deals with it instead of history silently going missing.
 */
public class PoisonRecordException extends RuntimeException {
    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
