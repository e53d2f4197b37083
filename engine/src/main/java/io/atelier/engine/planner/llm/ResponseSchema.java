package io.atelier.engine.planner.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.generator.FieldScope;
import io.atelier.engine.ops.Doc;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.ops.OperationNames;
import io.atelier.engine.ops.Param;
import io.atelier.engine.plan.EditPlan;
import java.math.BigDecimal;
import java.util.Optional;
import io.atelier.engine.plan.Rgb;
import java.util.Iterator;
import java.util.Map;

/**
 * The JSON Schema a language model must answer in: {@code {"operations": [...]}}, generated from the
 * plan's operation types (as docs/edit-plan.schema.json is), made strict for structured output — every
 * property required, no others allowed.
 */
public final class ResponseSchema {
    /** The name the schema is sent under. */
    public static final String NAME = "edit_plan";

    private ResponseSchema() {
    }

    public static ObjectNode generate() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY));
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            if (type.getErasedType() != Rgb.class) {
                return null;
            }
            ObjectNode colour = context.getGeneratorConfig().createObjectNode();
            colour.put("type", "string").put("pattern", "^#[0-9a-f]{6}$").put("description", "an 8-bit sRGB colour");
            return new CustomDefinition(colour, CustomDefinition.DefinitionType.STANDARD, CustomDefinition.AttributeInclusion.NO);
        });
        // The same reading of the declarations as docs/edit-plan.schema.json: the registered operations,
        // their descriptions (@Doc, @Param) and bounds, and each one's "op" name.
        config.forTypesInGeneral().withSubtypeResolver((declared, context) -> declared.getErasedType() != Operation.class ? null
                : OperationNames.all().stream().map(type -> context.getTypeContext().resolveSubtype(declared, type)).toList());
        config.forTypesInGeneral().withDescriptionResolver(scope -> Optional.ofNullable(scope.getType().getErasedType().getAnnotation(Doc.class))
                .map(Doc::value).orElse(null));
        config.forFields().withDescriptionResolver(field -> param(field).map(Param::doc).orElse(null));
        config.forTypesInGeneral().withTypeAttributeOverride((node, scope, context) -> {
            Class<?> type = scope.getType().getErasedType();
            if (Operation.class.isAssignableFrom(type) && type.isRecord()) {
                ((ObjectNode) node.get("properties")).putObject("op").put("const", OperationNames.name(type));
            }
        });
        config.forFields().withNumberInclusiveMinimumResolver(field -> param(field).map(Param::min).filter(Double::isFinite)
                .map(ResponseSchema::number).orElse(null));
        config.forFields().withNumberInclusiveMaximumResolver(field -> param(field).map(Param::max).filter(Double::isFinite)
                .map(ResponseSchema::number).orElse(null));
        ObjectNode plan = new SchemaGenerator(config.build()).generateSchema(EditPlan.class);
        ObjectNode schema = plan.objectNode();
        schema.put("type", "object");
        schema.putObject("properties").set("operations", plan.path("properties").path("operations").deepCopy());
        schema.putArray("required").add("operations");
        schema.put("additionalProperties", false);
        if (plan.has("$defs")) {
            schema.set("$defs", plan.get("$defs").deepCopy());
        }
        strict(schema);
        return schema;
    }

    private static Optional<Param> param(FieldScope field) {
        return Optional.ofNullable(field.getAnnotation(Param.class));
    }

    private static BigDecimal number(double value) {
        return value == Math.rint(value) ? BigDecimal.valueOf((long) value) : BigDecimal.valueOf(value);
    }

    // Structured output in strict mode wants every object closed and every property required.
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && object.get("properties").isObject()) {
                ArrayNode required = object.putArray("required");
                object.get("properties").fieldNames().forEachRemaining(required::add);
                object.put("additionalProperties", false);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                strict(it.next().getValue());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(ResponseSchema::strict);
        }
    }
}
