package io.atelier.engine.ops;

import io.atelier.engine.plan.Region;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The declared parameters of each operation ({@link Param} on its record components, read once per
 * class) and the one check every plan's operations pass: required values present, numbers within
 * their bounds. A {@link Region} documents itself and defaults to the whole frame.
 */
public final class Parameters {
    private static final ClassValue<List<Parameter>> DECLARED = new ClassValue<>() {
        @Override
        protected List<Parameter> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents()).map(Parameter::of).toList();
        }
    };

    private Parameters() {
    }

    /** One record component of an operation with its declaration (absent only for the region, which documents itself). */
    public record Parameter(RecordComponent component, Optional<Param> param) {
        static Parameter of(RecordComponent component) {
            Optional<Param> param = Optional.ofNullable(component.getAnnotation(Param.class));
            if (param.isEmpty() && component.getType() != Region.class) {
                throw new IllegalStateException(component.getDeclaringRecord().getSimpleName() + "." + component.getName()
                        + " is not declared with @Param");
            }
            return new Parameter(component, param);
        }

        public String name() {
            return component.getName();
        }

        public Class<?> type() {
            return component.getType();
        }

        /** The declared bounds, when the parameter has any. */
        public Optional<Param> bounds() {
            return param.filter(p -> p.min() != Double.NEGATIVE_INFINITY || p.max() != Double.POSITIVE_INFINITY);
        }

        /** The bounds as a person reads them: "-4.0" for decimals, "1" for whole numbers. */
        public String bound(double value) {
            return type() == int.class || type() == long.class ? Long.toString((long) value) : Double.toString(value);
        }

        Object valueOf(Operation operation) {
            try {
                return component.getAccessor().invoke(operation);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static List<Parameter> of(Class<? extends Operation> type) {
        return DECLARED.get(type);
    }

    /** The operation itself when every parameter is present and within its bounds; otherwise why not. */
    public static <T extends Operation> T check(T operation) {
        for (Parameter p : of(operation.getClass())) {
            Object value = p.valueOf(operation);
            if (value == null) {
                throw new IllegalArgumentException(p.name() + " is required");
            }
            if (p.bounds().isPresent() && value instanceof Number n) {
                Param bounds = p.bounds().get();
                double v = n.doubleValue();
                if (!(v >= bounds.min() && v <= bounds.max())) {
                    throw new IllegalArgumentException(p.name() + " must be within " + p.bound(bounds.min()) + " and "
                            + p.bound(bounds.max()) + ", got " + (n instanceof Double || n instanceof Float ? v : n));
                }
            }
        }
        return operation;
    }
}
