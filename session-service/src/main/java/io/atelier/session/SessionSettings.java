package io.atelier.session;

import io.smallrye.config.ConfigMapping;

/** Limits and defaults of the session service. */
@ConfigMapping(prefix = "atelier.session")
public interface SessionSettings {
    String defaultWorkspace();

    int maxInstructionLength();

    int maxTitleLength();

    int maxImageDimension();

    long maxImagePixels();
}
