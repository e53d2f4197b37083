package io.atelier.session.model;

/** Where a step is in its life. */
public enum StepStatus { PENDING, RENDERED, FAILED, CANCELLED }
