package io.atelier.engine.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import io.atelier.engine.ops.Doc;
import io.atelier.engine.ops.Operation;
import io.atelier.engine.ops.OperationNames;
import io.atelier.engine.ops.Param;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The JSON Schema of edit plans, generated from the plan types and the operations' declarations
 * ({@link Param} bounds and descriptions, {@link Doc}): published as docs/edit-plan.schema.json and the
 * base of what a language-model planner must answer in.
 */
public final class PlanSchema {
    /** The one description of an operation's region, shared by every local operation. */
    static final String REGION = "where the edit applies; the whole frame when left out";

    private PlanSchema() {
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
        // Operations are registered once, in the sealed permits lists: the schema reads them from there too.
        config.forTypesInGeneral().withSubtypeResolver((declared, context) -> declared.getErasedType() != Operation.class ? null
                : OperationNames.all().stream().map(type -> context.getTypeContext().resolveSubtype(declared, type)).toList());
        config.forTypesInGeneral().withDescriptionResolver(scope -> Optional.ofNullable(scope.getType().getErasedType().getAnnotation(Doc.class))
                .map(Doc::value).orElse(null));
        config.forFields().withDescriptionResolver(field -> param(field).map(Param::doc).orElse(null));
        config.forTypesInGeneral().withTypeAttributeOverride((node, scope, context) -> {
            Class<?> type = scope.getType().getErasedType();
            if (Operation.class.isAssignableFrom(type) && type.isRecord()) {
                ObjectNode properties = (ObjectNode) node.get("properties");
                if (properties.get("region") instanceof ObjectNode region) {
                    region.put("description", REGION);
                }
                properties.putObject("op").put("const", OperationNames.name(type));
                node.putArray("required").add("op");
            }
        });
        config.forFields().withNumberInclusiveMinimumResolver(field -> param(field).map(Param::min).filter(Double::isFinite)
                .map(PlanSchema::number).orElse(null));
        config.forFields().withNumberInclusiveMaximumResolver(field -> param(field).map(Param::max).filter(Double::isFinite)
                .map(PlanSchema::number).orElse(null));
        ObjectNode schema = new SchemaGenerator(config.build()).generateSchema(EditPlan.class);
        schema.put("title", "Atelier edit plan, schema version " + EditPlan.SCHEMA_VERSION);
        return schema;
    }

    private static Optional<Param> param(FieldScope field) {
        return Optional.ofNullable(field.getAnnotation(Param.class));
    }

    // Whole bounds print as whole numbers ("maximum": 100, not 100.0).
    private static BigDecimal number(double value) {
        return value == Math.rint(value) ? BigDecimal.valueOf((long) value) : BigDecimal.valueOf(value);
    }

}
