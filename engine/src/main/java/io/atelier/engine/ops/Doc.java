package io.atelier.engine.ops;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What an operation does, in a line for people (the schema and the docs table), and the layer it belongs to. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Doc {
    Layer layer();

    String value();

    /** The layers of an edit, in the order the docs list them. */
    enum Layer {
        LIGHT("light & atmosphere"),
        COMPOSITION("composition"),
        COLOUR("colour & brand"),
        FOCUS("focus"),
        POLISH("final polish"),
        GENERATIVE("generative (needs a configured engine)");

        private final String title;

        Layer(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }
}
