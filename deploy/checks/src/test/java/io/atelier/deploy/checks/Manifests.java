package io.atelier.deploy.checks;

import java.util.List;
import java.util.Map;

/** Navigation helpers over manifests held as plain maps (as rendered), so checks read like the YAML. */
final class Manifests {
    private Manifests() {
    }

    static String name(Map<String, Object> o) {
        return String.valueOf(map(o.get("metadata")).get("name"));
    }

    static String kind(Map<String, Object> o) {
        return String.valueOf(o.get("kind"));
    }

    /** The value at a dotted path ("spec.template.spec"), or null. */
    static Object at(Map<String, Object> o, String path) {
        Object current = o;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(part);
        }
        return current;
    }

    static Map<String, Object> mapAt(Map<String, Object> o, String path) {
        return map(at(o, path));
    }

    static List<Map<String, Object>> listAt(Map<String, Object> o, String path) {
        return maps(at(o, path));
    }

    /** The containers of a Deployment's pod template; empty for other kinds. */
    static List<Map<String, Object>> containers(Map<String, Object> o) {
        return kind(o).equals("Deployment") ? listAt(o, "spec.template.spec.containers") : List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    /** Whether every label a selector asks for is on the pod. */
    static boolean selects(Map<String, Object> matchLabels, Map<String, Object> podLabels) {
        return !matchLabels.isEmpty() && matchLabels.entrySet().stream()
                .allMatch(e -> String.valueOf(e.getValue()).equals(String.valueOf(podLabels.get(e.getKey()))));
    }
}
