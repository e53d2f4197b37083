package io.atelier.deploy.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * Just enough of kustomize to render this repository's overlays without the binary: resources (files and
 * directories), strategic-merge patches (lists of named items merged by name for built-in kinds, replaced for
 * custom resources, as kustomize does), namespace, images and secret generators without a hash suffix.
 * Anything else in a kustomization.yaml is refused, so the check never silently renders less than kubectl would.
 */
final class Kustomize {
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "patches", "namespace", "images",
            "generatorOptions", "secretGenerator");
    private static final Set<String> BUILT_IN = Set.of("Deployment", "Service", "ConfigMap", "Secret", "PodDisruptionBudget",
            "NetworkPolicy", "PersistentVolumeClaim");

    private Kustomize() {
    }

    /** The objects `kubectl kustomize dir` would print, as plain maps. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> render(Path dir) {
        Map<String, Object> k = loadOne(dir.resolve("kustomization.yaml"));
        for (String key : k.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalStateException(dir + "/kustomization.yaml uses " + key + ", which this renderer does not know");
            }
        }
        Map<String, Object> options = (Map<String, Object>) k.getOrDefault("generatorOptions", Map.of());
        if (k.containsKey("secretGenerator") && !Boolean.TRUE.equals(options.get("disableNameSuffixHash"))) {
            throw new IllegalStateException(dir + ": generators must set disableNameSuffixHash (references are checked by name)");
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object r : list(k.get("resources"))) {
            Path p = dir.resolve(String.valueOf(r)).normalize();
            objects.addAll(Files.isDirectory(p) ? render(p) : loadAll(p));
        }
        for (Object g : list(k.get("secretGenerator"))) {
            objects.add(secret(dir, (Map<String, Object>) g));
        }
        for (Object p : list(k.get("patches"))) {
            Map<String, Object> patch = (Map<String, Object>) p;
            if (patch.containsKey("target") || !patch.containsKey("path")) {
                throw new IllegalStateException(dir + ": only file patches naming their object are supported: " + patch);
            }
            for (Map<String, Object> doc : loadAll(dir.resolve(String.valueOf(patch.get("path"))))) {
                Map<String, Object> target = objects.stream().filter(o -> sameObject(o, doc)).findFirst()
                        .orElseThrow(() -> new IllegalStateException(dir + ": patch " + id(doc) + " matches no object"));
                merge(target, doc, BUILT_IN.contains(String.valueOf(doc.get("kind"))));
            }
        }
        if (k.get("namespace") instanceof String ns) {
            objects.forEach(o -> ((Map<String, Object>) o.get("metadata")).put("namespace", ns));
        }
        for (Object i : list(k.get("images"))) {
            Map<String, Object> image = (Map<String, Object>) i;
            objects.forEach(o -> Manifests.containers(o).forEach(c -> {
                String current = String.valueOf(c.get("image"));
                String name = current.contains(":") ? current.substring(0, current.lastIndexOf(':')) : current;
                if (name.equals(image.get("name"))) {
                    String tag = current.contains(":") ? current.substring(current.lastIndexOf(':') + 1) : "latest";
                    c.put("image", image.getOrDefault("newName", name) + ":" + image.getOrDefault("newTag", tag));
                }
            }));
        }
        return objects;
    }

    static String id(Map<String, Object> o) {
        return o.get("kind") + "/" + Manifests.name(o);
    }

    private static boolean sameObject(Map<String, Object> a, Map<String, Object> b) {
        return String.valueOf(a.get("kind")).equals(String.valueOf(b.get("kind"))) && Manifests.name(a).equals(Manifests.name(b));
    }

    /** A Secret with the keys the generator would write (values are not needed for checking references). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> secret(Path dir, Map<String, Object> generator) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (Object literal : list(generator.get("literals"))) {
            data.put(String.valueOf(literal).split("=", 2)[0], "");
        }
        for (Object file : list(generator.get("files"))) {
            String f = String.valueOf(file);
            String key = f.contains("=") ? f.substring(0, f.indexOf('=')) : Path.of(f).getFileName().toString();
            Path source = dir.resolve(f.contains("=") ? f.substring(f.indexOf('=') + 1) : f);
            if (!Files.isRegularFile(source)) {
                throw new IllegalStateException(dir + ": secret file " + source + " is missing");
            }
            data.put(key, "");
        }
        for (Object env : list(generator.get("envs"))) {
            // a real credentials file is never committed: its committed .example lists the same keys
            Path source = dir.resolve(String.valueOf(env));
            Path example = dir.resolve(env + ".example");
            Path read = Files.isRegularFile(source) ? source : example;
            for (String line : Repo.read(read).split("\n")) {
                if (line.contains("=") && !line.startsWith("#")) {
                    data.put(line.substring(0, line.indexOf('=')).trim(), "");
                }
            }
        }
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("apiVersion", "v1");
        secret.put("kind", "Secret");
        secret.put("metadata", new LinkedHashMap<>(Map.of("name", generator.get("name"))));
        secret.put("type", "Opaque");
        secret.put("data", data);
        return secret;
    }

    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch, boolean strategic) {
        patch.forEach((key, value) -> {
            Object current = target.get(key);
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> pm && current instanceof Map<?, ?> cm) {
                merge((Map<String, Object>) cm, (Map<String, Object>) pm, strategic);
            } else if (strategic && value instanceof List<?> pl && current instanceof List<?> cl && named(pl) && named(cl)) {
                List<Object> merged = new ArrayList<>(cl);
                for (Object item : pl) {
                    Map<String, Object> p = (Map<String, Object>) item;
                    merged.stream().filter(m -> ((Map<?, ?>) m).get("name").equals(p.get("name"))).findFirst()
                            .ifPresentOrElse(m -> merge((Map<String, Object>) m, p, true), () -> merged.add(p));
                }
                target.put(key, merged);
            } else {
                target.put(key, value);
            }
        });
    }

    private static boolean named(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map<?, ?> m && m.containsKey("name"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> loadAll(Path file) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Repo.read(file))) {
            if (doc != null) {
                docs.add((Map<String, Object>) doc);
            }
        }
        return docs;
    }

    private static Map<String, Object> loadOne(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException("no " + file));
        }
        return loadAll(file).getFirst();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
