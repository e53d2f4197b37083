package io.atelier.deploy.checks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What render-worker consumes, read from its source (the group id is a constant there, not configuration). */
final class RenderWorkerSource {
    private static final String RENDER_LOOP = "render-worker/src/main/java/io/atelier/worker/RenderLoop.java";

    private RenderWorkerSource() {
    }

    static String consumerGroup() {
        Matcher m = Pattern.compile("String GROUP = \"([^\"]+)\"").matcher(Repo.read(RENDER_LOOP));
        if (!m.find()) {
            throw new IllegalStateException(RENDER_LOOP + " no longer declares GROUP; update this check");
        }
        return m.group(1);
    }

    static String topic() {
        Matcher m = Pattern.compile("subscribe\\(List\\.of\\(Topics\\.(\\w+)\\)[,)]").matcher(Repo.read(RENDER_LOOP));
        if (!m.find()) {
            throw new IllegalStateException(RENDER_LOOP + " no longer subscribes to one Topics constant; update this check");
        }
        return switch (m.group(1)) {
            case "SESSION_EVENTS" -> io.atelier.events.Topics.SESSION_EVENTS;
            case "RENDER_OUTCOMES" -> io.atelier.events.Topics.RENDER_OUTCOMES;
            default -> throw new IllegalStateException("unknown topic constant " + m.group(1));
        };
    }
}
