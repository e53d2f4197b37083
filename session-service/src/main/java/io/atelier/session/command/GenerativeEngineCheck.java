package io.atelier.session.command;

import io.atelier.platform.problem.Problem;
import io.atelier.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the render workers have a generative engine, read from the same settings they are given
 * (ATELIER_OPENAI_API_KEY, ATELIER_BFL_API_KEY, ATELIER_COMFYUI_URL): a session from a prompt is refused
 * up front without one, never accepted and failed later. Only presence is read; the values are not kept.
 * Single properties rather than a mapping of those prefixes: the workers' other settings under them may
 * reach this service too, and a mapping would refuse to start on the ones it does not declare.
 */
@ApplicationScoped
public class GenerativeEngineCheck {
    static final String SETTINGS = "ATELIER_OPENAI_API_KEY, ATELIER_BFL_API_KEY or ATELIER_COMFYUI_URL";

    private final boolean configured;

    public GenerativeEngineCheck(@ConfigProperty(name = "atelier.openai.api-key") Optional<String> openAi,
                                 @ConfigProperty(name = "atelier.bfl.api-key") Optional<String> bfl,
                                 @ConfigProperty(name = "atelier.comfyui.url") Optional<String> comfyUi) {
        this.configured = set(openAi) || set(bfl) || set(comfyUi);
    }

    public boolean configured() {
        return configured;
    }

    /** Throws the no-generative-engine problem, naming the settings, unless an engine is configured. */
    public void require() {
        if (!configured) {
            throw new ProblemException(Problem.of("no-generative-engine", "No generative engine", 422,
                    "Starting from a prompt needs a generative engine, and none is configured: set " + SETTINGS
                            + " for the render workers (and session-service, which checks it), or start from a photo."));
        }
    }

    private static boolean set(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }
}
