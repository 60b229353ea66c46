package dev.initcheck.spark.mllib;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import dev.initcheck.check.AlphaShare;
import dev.initcheck.check.Conformance;
import dev.initcheck.check.Verdict;
import dev.initcheck.distribution.Precision;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.ml.ann.FeedForwardTopology;
import org.junit.jupiter.api.Test;

/**
 * Spark MLlib 4.0.1's {@code MultilayerPerceptronClassifier} initial weights, a conforming control (run with
 * {@code -Pmllib}). Without {@code setInitialWeights}, {@code train} builds {@code FeedForwardTopology
 * .multiLayerPerceptron(layers, softmaxOnTop = true)} and {@code FeedForwardTrainer.setSeed($(seed))}
 * (MultilayerPerceptronClassifier.scala:212-217), whose {@code train} starts from {@code topology.model(_seed)
 * .weights} (ml/ann/Layer.scala:844): {@code FeedForwardModel.apply} draws every affine layer's block from one
 * {@code XORShiftRandom(seed)} through {@code AffineLayerModel.randomWeights} (Layer.scala:598-607, 215-225). This
 * test calls the same two methods (public in bytecode, {@code private[ml]} in Scala), with no SparkContext.
 *
 * <p>Declared law, Layer.scala:204-208: "Initialize weights randomly in the interval. Uses [Bottou-88] heuristic
 * [-a/sqrt(in); a/sqrt(in)], where `a` is chosen [...] (which is approximately 2.38 for a standard sigmoid)";
 * line 223 uses a = 2.4: {@code (random.nextDouble * 4.8 - 2.4) / sqrtIn}, for the weights and the biases alike
 * (the loop runs over the whole block, {@code weightSize = numIn * numOut + numOut}, line 135). The block of a layer
 * {@code in -> out} is {@code w = new BDM(numOut, numIn, data, offset)} (column-major, so {@code [in, out]} in C
 * order: Keras layout) followed by the {@code out} biases (lines 157-159).
 *
 * <p>The MLP seed is drawn from {@code SeededRandom.of(SEED).derive(label)}; each tensor spends a false-alarm
 * probability of 1e-8, like the third-party matrix. Not the Glorot bound sqrt(6/(in + out)): the mutant
 * declarations below (that bound, or the Bottou bound over fan_out) must be rejected.
 */
class MlpInitialWeightsTest {
    static final long SEED = 20240229L;
    static final double ALPHA = 1e-8;
    static final String LABEL = "org.apache.spark:spark-mllib_2.13:4.0.1 MultilayerPerceptronClassifier";

    /** All initial weights of an MLP with these layer sizes, seeded from the provider. */
    static double[] initialWeights(int[] layers, SeededRandom source) {
        long seed = source.create().nextLong();
        return FeedForwardTopology.multiLayerPerceptron(layers, true).model(seed).weights().toArray();
    }

    static String bottou(int fanIn) {
        return String.format(Locale.ROOT, "uniform(limit=%.17g)", 2.4 / Math.sqrt(fanIn));
    }

    static Verdict check(double[] values, String scheme, Shape shape, SeededRandom source) {
        return Conformance.check(values, Scheme.parse(scheme).resolve(shape, Layout.KERAS), Precision.parse("float64"),
                AlphaShare.of(ALPHA), source);
    }

    @Test
    void firstLayerWeightsFollowBottousInterval() {
        SeededRandom source = SeededRandom.of(SEED).derive(LABEL + " 512-128-10 weights");
        double[] all = initialWeights(new int[] {512, 128, 10}, source);
        assertThat(all).hasSize(512 * 128 + 128 + 128 * 10 + 10);
        Shape shape = Shape.of(512, 128);
        double[] w = Arrays.copyOf(all, 512 * 128);

        Verdict v = check(w, bottou(512), shape, source);
        assertThat(v.passed()).as(v.explain()).isTrue();
        assertThat(Arrays.stream(w).map(Math::abs).max().orElseThrow()).isLessThanOrEqualTo(2.4 / Math.sqrt(512));

        // mutants: the fan of the wrong side, and the Glorot bound, are each rejected with a wide margin
        Verdict fanOut = check(w, bottou(128), shape, source);
        assertThat(fanOut.passed()).as(fanOut.explain()).isFalse();
        assertThat(failed(fanOut)).contains("second_moment", "ks");
        Verdict glorot = check(w, "glorot_uniform", shape, source);
        assertThat(glorot.passed()).as(glorot.explain()).isFalse();
        assertThat(failed(glorot)).contains("second_moment", "ks");
        double detectable = glorot.check(CheckName.SECOND_MOMENT).map(CheckResult::detectableScaleError)
                .orElseThrow();
        assertThat(2.4 / Math.sqrt(512) / Math.sqrt(6.0 / 640) - 1).isGreaterThan(3 * detectable);
    }

    @Test
    void biasesShareTheWeightsInterval() {
        SeededRandom source = SeededRandom.of(SEED).derive(LABEL + " 64-4096-2 biases");
        double[] all = initialWeights(new int[] {64, 4096, 2}, source);
        double[] b = Arrays.copyOfRange(all, 64 * 4096, 64 * 4096 + 4096);
        Verdict v = check(b, bottou(64), Shape.of(4096), source);
        assertThat(v.passed()).as(v.explain()).isTrue();
        Verdict zeros = check(b, "zeros", Shape.of(4096), source);
        assertThat(zeros.passed()).isFalse();
    }

    @Test
    void theSeedDecidesTheWeights() {
        int[] layers = {6, 4, 2};
        double[] a = initialWeights(layers, SeededRandom.of(1));
        assertThat(a).containsExactly(initialWeights(layers, SeededRandom.of(1)));
        assertThat(a).isNotEqualTo(initialWeights(layers, SeededRandom.of(2)));
    }

    private static java.util.Set<String> failed(Verdict v) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        v.failures().forEach(c -> out.add(c.name().id()));
        return out;
    }
}
