package io.atelier.engine.ops;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one parameter of an operation, once: its inclusive bounds (numbers only; enums list their
 * values by themselves) and a description. Plans are checked against it ({@link Parameters#check}),
 * and the JSON Schema and the docs table are generated from it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Param {
    double min() default Double.NEGATIVE_INFINITY;

    double max() default Double.POSITIVE_INFINITY;

    String doc();
}
