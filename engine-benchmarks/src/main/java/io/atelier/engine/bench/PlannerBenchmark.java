package io.atelier.engine.bench;

import io.atelier.engine.planner.BuiltinPlanner;
import io.atelier.engine.planner.MiniLmEmbedder;
import io.atelier.engine.planner.PlanOutcome;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The built-in planner's latency once loaded: embedding one clause (the model alone), planning a
 * one-clause instruction, and planning a three-clause one (each clause is embedded once; decisive
 * keywords still embed, for the ranking that names the closest edits).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"--enable-native-access=ALL-UNNAMED"})
public class PlannerBenchmark {
    private BuiltinPlanner planner;
    private MiniLmEmbedder embedder;

    @Setup
    public void load() {
        planner = BuiltinPlanner.standard();
        embedder = new MiniLmEmbedder(MiniLmEmbedder.Variant.QUANTISED);
    }

    @Benchmark
    public float[] embedOneClause() {
        return embedder.embed("tone the colours down a little");
    }

    @Benchmark
    public PlanOutcome planOneClause() {
        return planner.plan("tone the colours down a little");
    }

    @Benchmark
    public PlanOutcome planThreeClauses() {
        return planner.plan("crop it square, make it a touch warmer and add some fine grain");
    }
}
