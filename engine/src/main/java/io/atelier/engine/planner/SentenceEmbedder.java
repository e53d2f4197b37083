package io.atelier.engine.planner;

/** Turns a short piece of text into a unit-length vector whose dot product with another measures closeness of meaning. */
public interface SentenceEmbedder {
    float[] embed(String text);

    /** Which model, recorded in the planner's name so a plan says what understood it. */
    String model();
}
