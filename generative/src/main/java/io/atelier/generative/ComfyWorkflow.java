package io.atelier.generative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A ComfyUI workflow in API format ({@code {node_id: {class_type, inputs}}}, what "Save (API format)"
 * writes) whose inputs name what Atelier fills in: {@code "{{prompt}}"}, {@code "{{image}}"},
 * {@code "{{seed}}"}, {@code "{{width}}"}, {@code "{{height}}"}, {@code "{{checkpoint}}"}. A whole input
 * value is replaced (a number stays a number), so prompts need no escaping. Checked when loaded, so a
 * wrong file stops the worker at start rather than failing every step.
 */
public final class ComfyWorkflow {
    public static final String PROMPT = "{{prompt}}";
    public static final String IMAGE = "{{image}}";
    public static final String SEED = "{{seed}}";
    public static final String WIDTH = "{{width}}";
    public static final String HEIGHT = "{{height}}";
    public static final String CHECKPOINT = "{{checkpoint}}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[a-z_]+}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final ObjectNode graph;

    private ComfyWorkflow(String name, ObjectNode graph) {
        this.name = name;
        this.graph = graph;
    }

    /** The inpainting template shipped with Atelier (LoadImage's alpha is the mask). */
    public static ComfyWorkflow bundledInpaint() {
        return bundled("inpaint.json", true);
    }

    /** The text-to-image template shipped with Atelier. */
    public static ComfyWorkflow bundledTextToImage() {
        return bundled("text-to-image.json", false);
    }

    /** A template from a file; {@code needsImage}: it must load the uploaded image. */
    public static ComfyWorkflow fromFile(Path file, boolean needsImage) {
        try {
            return parse(file.toString(), Files.readString(file), needsImage);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the ComfyUI workflow " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses and checks a template; throws IllegalArgumentException saying what is wrong with it. */
    public static ComfyWorkflow parse(String name, String json, boolean needsImage) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("the ComfyUI workflow " + name + " is not JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof ObjectNode graph) || graph.isEmpty()) {
            throw new IllegalArgumentException("the ComfyUI workflow " + name + " must be a JSON object of nodes");
        }
        if (graph.has("nodes") && graph.get("nodes").isArray()) {
            throw new IllegalArgumentException("the ComfyUI workflow " + name
                    + " is in the editor's format; export it with 'Export (API)' / 'Save (API format)'");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = graph.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> node = it.next();
            if (!node.getValue().path("class_type").isTextual() || !node.getValue().path("inputs").isObject()) {
                throw new IllegalArgumentException("node " + node.getKey() + " of the ComfyUI workflow " + name + " needs class_type and inputs");
            }
        }
        String text = graph.toString();
        if (!text.contains("\"" + PROMPT + "\"")) {
            throw new IllegalArgumentException("the ComfyUI workflow " + name + " has no input \"" + PROMPT + "\" for the prompt");
        }
        if (needsImage && !text.contains("\"" + IMAGE + "\"")) {
            throw new IllegalArgumentException("the ComfyUI workflow " + name + " has no input \"" + IMAGE + "\" for the uploaded image");
        }
        return new ComfyWorkflow(name, graph);
    }

    /** Where the template came from, for messages. */
    public String name() {
        return name;
    }

    /** The model the template loads, when it names one rather than leaving it to {@code {{checkpoint}}}. */
    public java.util.Optional<String> fixedCheckpoint() {
        for (JsonNode node : graph) {
            JsonNode ckpt = node.path("inputs").path("ckpt_name");
            if (ckpt.isTextual() && !ckpt.asText().equals(CHECKPOINT)) {
                return java.util.Optional.of(ckpt.asText());
            }
        }
        return java.util.Optional.empty();
    }

    /** A copy with every placeholder input replaced by its value; a placeholder without a value is an error. */
    public ObjectNode fill(Map<String, JsonNode> values) {
        ObjectNode copy = graph.deepCopy();
        for (JsonNode node : copy) {
            ObjectNode inputs = (ObjectNode) node.get("inputs");
            for (Iterator<Map.Entry<String, JsonNode>> it = inputs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> input = it.next();
                String value = input.getValue().isTextual() ? input.getValue().asText() : "";
                if (PLACEHOLDER.matcher(value).matches()) {
                    JsonNode filled = values.get(value);
                    if (filled == null) {
                        throw new IllegalArgumentException("the ComfyUI workflow " + name + " asks for " + value + ", which Atelier does not fill");
                    }
                    input.setValue(filled);
                }
            }
        }
        return copy;
    }

    private static ComfyWorkflow bundled(String resource, boolean needsImage) {
        try (InputStream in = Objects.requireNonNull(ComfyWorkflow.class.getResourceAsStream("/comfyui/" + resource), resource)) {
            return parse("bundled " + resource, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), needsImage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
