package io.atelier.engine.generative;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.engine.Engine;
import io.atelier.engine.Photos;
import io.atelier.engine.ops.Synthesize;
import io.atelier.engine.plan.Region;
import io.atelier.engine.planner.BuiltinPlanner;
import io.atelier.engine.render.RenderOutcome;
import io.atelier.engine.subject.CentrePriorGrabCut;
import io.atelier.imaging.ImageLimits;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SynthesisPlanTest {

    @Test
    void withAGenerativeEngineSynthesisBecomesASynthesizeOperationAtTheRegionItNames() {
        RepaintingEngine provider = new RepaintingEngine();
        Engine engine = new Engine(BuiltinPlanner.standard(), ImageLimits.DEFAULT, new CentrePriorGrabCut(), Optional.of(provider));
        RenderOutcome outcome = engine.render(Photos.COFFEE_PNG, "add a person's hands holding the mug");
        assertThat(outcome).isInstanceOf(RenderOutcome.Rendered.class);
        RenderOutcome.Rendered r = (RenderOutcome.Rendered) outcome;
        assertThat(r.plan().operations()).singleElement().isInstanceOfSatisfying(Synthesize.class, s -> {
            assertThat(s.prompt()).contains("hands");
            assertThat(s.region()).isEqualTo(new Region.Subject());
        });
        assertThat(r.generated()).isPresent();
        assertThat(r.generated().get().provenance().provider()).isEqualTo("test");
        assertThat(provider.requests).hasSize(1);
    }

    @Test
    void withoutOneTheRefusalNamesTheSettingsToSet() {
        RenderOutcome outcome = Engine.standard().render(Photos.COFFEE_PNG, "add a person's hands holding the mug");
        assertThat(outcome).isInstanceOfSatisfying(RenderOutcome.Failed.class, f -> {
            assertThat(f.reason()).contains("generative engine").contains("ATELIER_OPENAI_API_KEY").contains("ATELIER_BFL_API_KEY");
            assertThat(f.notUnderstood()).isNotEmpty();
        });
        assertThat(Engine.standard().draft("a cup of coffee", new Size(1024, 1024)))
                .isInstanceOfSatisfying(RenderOutcome.Failed.class, f -> assertThat(f.hint()).contains("ATELIER_OPENAI_API_KEY"));
    }

    @Test
    void regionsAreReadFromTheSynthesisClause() {
        assertThat(SynthesisRegions.read(List.of("put a croissant on the table"))).isEqualTo(Region.WHOLE);
        assertThat(SynthesisRegions.read(List.of("remove the spoon"))).isEqualTo(Region.WHOLE);
        assertThat(SynthesisRegions.read(List.of("place the product in a lifestyle context"))).isEqualTo(new Region.Background());
        assertThat(SynthesisRegions.read(List.of("a small plant in a terracotta pot on the left"))).isInstanceOf(Region.Side.class);
        assertThat(SynthesisRegions.read(List.of("add a saucer under the cup"))).isEqualTo(new Region.Subject());
    }

    @Test
    void aDraftIsPaintedFromThePromptAlone() {
        RepaintingEngine provider = new RepaintingEngine();
        Engine engine = new Engine(BuiltinPlanner.standard(), ImageLimits.DEFAULT, new CentrePriorGrabCut(), Optional.of(provider));
        RenderOutcome outcome = engine.draft("a cup of coffee on a rustic wooden table", new Size(1600, 1000));
        assertThat(outcome).isInstanceOfSatisfying(RenderOutcome.Rendered.class, r -> {
            assertThat(r.width()).isEqualTo(1536);
            assertThat(r.generated().orElseThrow().mode()).isEqualTo(GenerativeStage.Committed.DRAFT);
        });
        assertThat(provider.requests.get(0).image()).isEmpty();
    }
}
