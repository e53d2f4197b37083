package io.atelier.deploy.checks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Binds a built-in manifest to the Kubernetes object model (fabric8, generated from the Kubernetes OpenAPI) and
 * reports every field the model does not have: fabric8 keeps unknown fields in additionalProperties instead of
 * failing, so a misspelt or misplaced field would otherwise pass unnoticed.
 */
final class ModelBinding {
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "apps/v1 Deployment", Deployment.class,
            "v1 Service", Service.class,
            "v1 ConfigMap", ConfigMap.class,
            "v1 Secret", Secret.class,
            "v1 PersistentVolumeClaim", PersistentVolumeClaim.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private ModelBinding() {
    }

    static boolean isBuiltIn(Map<String, Object> o) {
        return KINDS.containsKey(o.get("apiVersion") + " " + o.get("kind"));
    }

    /** Problems binding the object; empty when every field is one the model knows, with a value of the right type. */
    static List<String> problems(Map<String, Object> o) {
        Class<? extends HasMetadata> type = KINDS.get(o.get("apiVersion") + " " + o.get("kind"));
        List<String> problems = new ArrayList<>();
        try {
            HasMetadata bound = MAPPER.convertValue(o, type);
            unknownFields(bound, Kustomize.id(o), problems);
        } catch (IllegalArgumentException e) {
            problems.add(Kustomize.id(o) + " does not bind to " + type.getSimpleName() + ": " + e.getMessage());
        }
        return problems;
    }

    private static void unknownFields(Object value, String path, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, problems));
            return;
        }
        if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": fields unknown to the Kubernetes model: " + extra.keySet());
                }
            } else {
                String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                unknownFields(field, path + "." + name, problems);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }
}
