package io.atelier.worker;

import io.smallrye.config.ConfigMapping;

/** Identity and limits of one render worker. */
@ConfigMapping(prefix = "atelier.worker")
public interface WorkerSettings {
    String name();

    int maxImageDimension();

    long maxImagePixels();

    /** Where opt-in models are installed (./atelier models install isnet); the classical subject estimate is used without one. */
    java.nio.file.Path modelsDir();
}
