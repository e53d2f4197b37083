package io.atelier.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.atelier.engine.ops.Parameters.Parameter;
import io.atelier.engine.plan.Rgb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The operations table in docs/engine.md is generated from the operations' declarations (the sealed
 * permits lists, {@link Doc}, {@link Param}) and must match them; run with -Datelier.schema.update=true
 * to rewrite it after a change, as for the JSON Schema.
 */
class OperationsDocTest {
    private static final Path DOC = Path.of("..", "docs", "engine.md");
    private static final String BEGIN = "<!-- operations: generated from the declarations by OperationsDocTest; "
            + "-Datelier.schema.update=true rewrites it -->\n";
    private static final String END = "<!-- end of operations -->\n";

    static String table() {
        StringBuilder out = new StringBuilder("| layer | `op` | applies | parameters | what it does |\n|---|---|---|---|---|\n");
        for (Doc.Layer layer : Doc.Layer.values()) {
            String title = layer.title();
            for (Class<? extends Operation> type : OperationNames.all()) {
                Doc doc = type.getAnnotation(Doc.class);
                if (doc.layer() != layer) {
                    continue;
                }
                String params = Parameters.of(type).stream().map(OperationsDocTest::describe).collect(Collectors.joining("; "));
                out.append("| ").append(title).append(" | `").append(OperationNames.name(type)).append("` | ").append(kind(type))
                        .append(" | ").append(params).append(" | ").append(doc.value()).append(" |\n");
                title = "";
            }
        }
        return out.toString();
    }

    private static String kind(Class<? extends Operation> type) {
        return Operation.Local.class.isAssignableFrom(type) ? "a region" : Operation.Geometric.class.isAssignableFrom(type)
                ? "moves pixels" : "whole frame";
    }

    private static String describe(Parameter p) {
        String name = "`" + p.name() + "`";
        if (p.param().isEmpty()) {
            return name;
        }
        String values;
        if (p.bounds().isPresent()) {
            values = " " + number(p.bounds().get().min()) + "…" + number(p.bounds().get().max());
        } else if (p.type().isEnum()) {
            values = " " + Arrays.stream(p.type().getFields()).filter(java.lang.reflect.Field::isEnumConstant)
                    .map(f -> f.getAnnotation(JsonProperty.class).value()).collect(Collectors.joining("/"));
        } else if (p.type() == Rgb.class) {
            values = " #rrggbb";
        } else {
            values = "";
        }
        return name + values + ": " + p.param().get().doc();
    }

    private static String number(double value) {
        String text = value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        return text.replace('-', '−');
    }

    @Test
    void theDocsTableMatchesTheDeclarations() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/engine.md has the operations markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String generated = doc.substring(0, begin + BEGIN.length()) + table() + doc.substring(end);
        if (Boolean.getBoolean("atelier.schema.update")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(table()).contains("`hue-adjust`").contains("`stops` −4…4");
        assertThat(doc).as("docs/engine.md's operations table is out of date").isEqualTo(generated);
    }

    @Test
    void everyOperationIsDocumentedAndEveryParameterDeclared() {
        List<Class<? extends Operation>> all = OperationNames.all();
        assertThat(all).hasSize(34);
        for (Class<? extends Operation> type : all) {
            assertThat(type.getAnnotation(Doc.class)).as(type.getSimpleName()).isNotNull();
            assertThat(Parameters.of(type)).as(type.getSimpleName()).allSatisfy(p ->
                    assertThat(p.param().isPresent() || p.name().equals("region")).as(p.name()).isTrue());
        }
    }
}
