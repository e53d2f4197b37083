package io.atelier.engine.ops;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registered operations, read from the sealed {@code permits} lists of {@link Operation}, and
 * their plan names ({@code @JsonTypeName}). Jackson resolves the {@code "op"} of a plan through it,
 * so no second list of subtypes has to be kept.
 */
public final class OperationNames extends TypeIdResolverBase {
    private static final Map<String, Class<? extends Operation>> BY_NAME = byName();

    private JavaType base;

    /** Every operation record, in registration order. */
    public static List<Class<? extends Operation>> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The plan name of an operation record, e.g. "white-balance". */
    public static String name(Class<?> type) {
        JsonTypeName name = type.getAnnotation(JsonTypeName.class);
        if (name == null) {
            throw new IllegalStateException(type.getSimpleName() + " has no @JsonTypeName");
        }
        return name.value();
    }

    @Override
    public void init(JavaType baseType) {
        base = baseType;
    }

    @Override
    public String idFromValue(Object value) {
        return name(value.getClass());
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> suggestedType) {
        return name(suggestedType);
    }

    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
        Class<? extends Operation> type = BY_NAME.get(id);
        return type == null ? null : context.constructSpecializedType(base, type); // null: Jackson reports the unknown id
    }

    @Override
    public String getDescForKnownTypeIds() {
        return String.join(", ", BY_NAME.keySet());
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
        return JsonTypeInfo.Id.NAME;
    }

    private static Map<String, Class<? extends Operation>> byName() {
        Map<String, Class<? extends Operation>> names = new LinkedHashMap<>();
        for (Class<? extends Operation> type : records(Operation.class, new ArrayList<>())) {
            if (names.put(name(type), type) != null) {
                throw new IllegalStateException("two operations are named " + name(type));
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Operation>> records(Class<?> sealed, List<Class<? extends Operation>> into) {
        for (Class<?> type : sealed.getPermittedSubclasses()) {
            if (type.isInterface()) {
                records(type, into);
            } else {
                into.add((Class<? extends Operation>) type);
            }
        }
        return into;
    }
}
