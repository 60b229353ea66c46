package dev.initcheck.junit;

import dev.initcheck.check.CheckName;
import dev.initcheck.check.PooledConformance;
import dev.initcheck.distribution.Family;
import dev.initcheck.propagation.Activation;
import dev.initcheck.propagation.ForwardMeasurement;
import dev.initcheck.propagation.MeanField;
import dev.initcheck.propagation.MeanFieldBand;
import dev.initcheck.propagation.Propagation;
import dev.initcheck.propagation.SymmetryBreaking;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.scheme.Structure;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** The checks behind {@link InitializerContract}'s default tests. */
final class ContractChecks {
    static final int TRIES = 30;
    static final int MIN_SAMPLES = 20_000;
    static final long MAX_SIZE = 2048;
    static final int UNITS = 64;
    static final int INPUTS = 48;
    static final int[] WIDTHS = {100, 128, 96, 128, 112};
    static final int BATCH = 128;

    private ContractChecks() {
    }

    static void conformance(Initializer init, String declared, Layout layout, long seed) {
        Scheme scheme = Scheme.parse(declared);
        ShapeSearch search = ShapeSearch.of(seed, TRIES);
        String property = name(init) + " conforms to " + scheme + " (" + layout.id() + " layout)";
        Optional<ShapeSearch.Failure<PooledConformance.Violation>> o = search.run(layout, MAX_SIZE,
                c -> PooledConformance.find(init, scheme, c.shape(), c.layout(), c.seed(), MIN_SAMPLES,
                        search.alphaPerTry()));
        if (o.isPresent()) {
            ShapeSearch.Failure<PooledConformance.Violation> f = o.get();
            String nl = String.format(Locale.ROOT, "%n    - ");
            // the marginal law may have been checked on further draws of the same shape
            String pooled = f.reason().pooledOver() > 0 ? " (pooled over " + f.reason().pooledOver() + " tensors)" : "";
            throw new AssertionError(String.format(Locale.ROOT, "%s: falsified after %d of %d tries%n"
                            + "  smallest counterexample: %s%s, expected %s%s%s%n"
                            + "  (false-alarm probability %.1e, %.1e a try; replay with %s)", property,
                    f.tryNumber(), search.tries, f.smallest(), pooled, scheme.resolve(f.smallest().shape(),
                            layout).distribution().describe(), nl, String.join(nl, f.reason().clauses()),
                    ShapeSearch.RUN_BUDGET, search.alphaPerTry().value(), search.replay()));
        }
    }

    static void symmetry(Initializer init, String declared, Layout layout, long seed) {
        Scheme scheme = Scheme.parse(declared);
        Shape shape = MeanField.weightShape(layout, INPUTS, UNITS);
        Expectation e = scheme.resolve(shape, layout);
        SeededRandom r = SeededRandom.of(seed).derive("contract/symmetry");
        double[] rows = unitRows(init.initialize(shape, r.create()), layout);
        List<List<Integer>> groups = SymmetryBreaking.identicalRowGroups(rows, UNITS, INPUTS);
        String where = String.format(Locale.ROOT, "%s declared %s, weight %s (%s layout, %d units), %s", name(init), scheme,
                shape, layout.id(), UNITS, r);
        if (e.distribution().family() == Family.POINT_MASS) {
            if (groups.size() != 1 || groups.get(0).size() != UNITS) {
                throw new AssertionError(where + ": the declared law is a point mass, so every unit's weights must be"
                        + " identical, but the units fall into " + (groups.isEmpty() ? "all-distinct rows"
                        : groups.size() + " groups of identical rows"));
            }
        } else if (!groups.isEmpty()) {
            throw new AssertionError(where + ": units " + groups.get(0) + " start with identical weights although "
                    + e.distribution().describe() + " is random: they get identical gradients and never differentiate"
                    + (groups.size() > 1 ? " (" + groups.size() + " such groups)" : ""));
        }
    }

    static void propagation(Initializer init, String declared, Layout layout, long seed) {
        Scheme scheme = Scheme.parse(declared);
        Expectation e = scheme.resolve(MeanField.weightShape(layout, WIDTHS[0], WIDTHS[1]), layout);
        Assumptions.assumeTrue(e.structure() == Structure.IID,
                scheme + ": orthogonal matrices are not i.i.d.; the mean-field check does not apply");
        Assumptions.assumeTrue(e.distribution().variance() > 0,
                scheme + ": a point mass has no variance to propagate; the mean-field check does not apply");
        Assumptions.assumeTrue(MeanField.applies(scheme, layout, WIDTHS),
                scheme + ": the weights have a non-zero mean; the mean-field check assumes zero-mean weights");
        List<String> failed = new ArrayList<>();
        for (Activation a : activations(e)) {
            MeanField.Prediction p = MeanField.predict(scheme, layout, WIDTHS, a);
            SeededRandom r = SeededRandom.of(seed).derive("contract/propagation/" + a.id());
            ForwardMeasurement m = Propagation.forward(pytorchView(init, layout), WIDTHS, a, BATCH, r);
            MeanFieldBand band = MeanFieldBand.forward(p, m);
            if (!band.passed()) {
                failed.add(String.format(Locale.ROOT, "%n  - %s: %s (%s)", a.id(), band.describe(), r));
            }
        }
        if (!failed.isEmpty()) {
            throw new AssertionError(String.format(Locale.ROOT, "%s declared %s: forward propagation through widths "
                    + "%s (batch %d) leaves the mean-field band of the declared scheme:%s%n(contract seed %d; false-alarm "
                    + "probability at most 1.4e-6 per layer)", name(init), scheme, Arrays.toString(WIDTHS), BATCH,
                    String.join("", failed), seed));
        }
    }

    /** See {@link Initializer#nameOf}. */
    static String name(Object o) {
        return Initializer.nameOf(o);
    }

    /** ReLU-family when the layer's gain Var[w]·fan_in is He-like (>= 1.5), else tanh and linear. */
    static List<Activation> activations(Expectation e) {
        double gain = e.distribution().variance() * e.fans().fanIn();
        return gain >= 1.5 ? List.of(Activation.RELU, Activation.LEAKY_RELU) : List.of(Activation.TANH, Activation.LINEAR);
    }

    /** The rows of the units: PyTorch {@code [out, in]} as it is, Keras {@code [in, out]} transposed. */
    static double[] unitRows(double[] w, Layout layout) {
        return layout == Layout.PYTORCH ? w : transpose(w, INPUTS, UNITS);
    }

    /** An initializer that answers Propagation's PyTorch-layout {@code [out, in]} requests. */
    static Initializer pytorchView(Initializer init, Layout layout) {
        if (layout == Layout.PYTORCH) {
            return init;
        }
        return (shape, rng) -> {
            int out = Math.toIntExact(shape.dim(0));
            int in = Math.toIntExact(shape.dim(1));
            return transpose(init.initialize(Shape.of(in, out), rng), in, out);
        };
    }

    /** C-order [rows, cols] to C-order [cols, rows]. */
    static double[] transpose(double[] w, int rows, int cols) {
        double[] t = new double[w.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = w[i * cols + j];
            }
        }
        return t;
    }
}
