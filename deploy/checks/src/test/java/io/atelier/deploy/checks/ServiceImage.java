package io.atelier.deploy.checks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts about deploy/docker/Dockerfile.service, the one image every Atelier service is built into. */
record ServiceImage(int exposedPort, int httpPort, boolean copiesFromServiceArg) {
    static final String DOCKERFILE = "deploy/docker/Dockerfile.service";

    static ServiceImage read() {
        String text = Repo.read(DOCKERFILE);
        return new ServiceImage(intOf(text, "(?m)^EXPOSE\\s+(\\d+)"), intOf(text, "-Dquarkus\\.http\\.port=(\\d+)"),
                text.contains("COPY ${SERVICE}/target/quarkus-app/"));
    }

    /** The port the service listens on inside its container. */
    int port() {
        return httpPort;
    }

    private static int intOf(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(DOCKERFILE + " has no match for " + regex);
        }
        return Integer.parseInt(m.group(1));
    }
}
