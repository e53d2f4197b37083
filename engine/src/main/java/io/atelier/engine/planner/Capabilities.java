package io.atelier.engine.planner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atelier.engine.plan.EditPlan;

/**
 * "What I can do", for people: every edit the built-in planner understands, the operations it becomes
 * and example phrasings from the catalogue, the regions an edit can be limited to, and the kinds of
 * request it does not carry out. Published as docs/capabilities.json, which gallery-service serves.
 */
public final class Capabilities {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final int EXAMPLES = 4;

    private Capabilities() {
    }

    public static String json(Catalogue catalogue) {
        ObjectNode root = JSON.createObjectNode();
        root.put("planner", BuiltinPlanner.VERSION);
        root.put("planSchemaVersion", EditPlan.SCHEMA_VERSION);
        root.put("about", "Edits the built-in engine makes from plain English; several can be combined in one instruction, "
                + "e.g. \"warmer, softer contrast and a touch of grain\".");
        ArrayNode edits = root.putArray("edits");
        ArrayNode notYet = root.putArray("notYet");
        ArrayNode notEdits = root.putArray("notCarriedOut");
        for (Intent intent : Intent.values()) {
            ObjectNode entry = JSON.createObjectNode();
            entry.put("name", intent.key());
            entry.put("does", intent.summary());
            if (intent.isEdit()) {
                entry.put("family", intent.family().word());
                entry.put("goesBothWays", intent.signed());
                ArrayNode ops = entry.putArray("operations");
                intent.operations().forEach(ops::add);
            }
            ArrayNode examples = entry.putArray("examples");
            catalogue.examples(intent).stream().limit(EXAMPLES).forEach(examples::add);
            (intent.isEdit() ? intent.operations().isEmpty() ? notYet : edits : notEdits).add(entry);
        }
        ArrayNode regions = root.putArray("regions");
        region(regions, "whole", "the whole picture (the default)", "warmer");
        region(regions, "subject", "the main subject, found automatically", "brighten the cup a little");
        region(regions, "background", "everything but the subject", "blur the background");
        region(regions, "side", "a band along one side: half, third or quarter", "darken the top third");
        region(regions, "sky", "the sky, found by colour, smoothness and touching the top edge (the upper 40% if none is found)", "make the sky bluer");
        region(regions, "tones", "only the highlights, midtones or shadows", "warm up the shadows");
        root.putArray("amounts").add("a touch / slightly / subtle (about 0.6 of the default)").add("a lot / much / very (about 1.8 of the default)")
                .add("percentages: 20% brighter, saturation -30%").add("stops: half a stop, +0.7 EV").add("angles: rotate 2 degrees clockwise");
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void region(ArrayNode regions, String kind, String what, String example) {
        regions.addObject().put("kind", kind).put("what", what).put("example", example);
    }
}
