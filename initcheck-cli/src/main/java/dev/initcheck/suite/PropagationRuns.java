package dev.initcheck.suite;

import dev.initcheck.propagation.Activation;
import dev.initcheck.propagation.BackwardMeasurement;
import dev.initcheck.propagation.ForwardMeasurement;
import dev.initcheck.propagation.MeanField;
import dev.initcheck.propagation.Propagation;
import dev.initcheck.propagation.PropagationTable;
import dev.initcheck.propagation.Regime;
import dev.initcheck.propagation.SymmetryBreaking;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.report.PropagationSection;
import dev.initcheck.report.SeedSection;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Propagation of every scheme × activation through a dense network of width 50 (input 100, ten layers), a batch of
 * 500 standard normal inputs, PyTorch layout; and the seed experiments. Schemes whose weights have a non-zero
 * mean are skipped: the mean-field theory the section compares against assumes zero-mean weights.
 */
final class PropagationRuns {
    static final int[] WIDTHS = {100, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50};
    static final int BATCH = 500;
    static final Layout LAYOUT = Layout.PYTORCH;

    private PropagationRuns() {
    }

    static PropagationSection run(Suite.Config c) {
        List<Scheme> measured = new ArrayList<>();
        List<PropagationSection.Skipped> skipped = new ArrayList<>();
        for (Scheme s : c.schemes()) {
            if (MeanField.applies(s, LAYOUT, WIDTHS)) {
                measured.add(s);
            } else {
                double mean = s.resolve(MeanField.weightShape(LAYOUT, WIDTHS[0], WIDTHS[1]), LAYOUT).distribution().mean();
                skipped.add(new PropagationSection.Skipped(s.toString(), String.format(Locale.ROOT,
                        "weights have mean %s; the mean-field theory assumes zero-mean weights", mean)));
            }
        }
        Activation[] acts = Activation.values();
        SeededRandom random = SeededRandom.of(c.seed()).derive("propagation");
        int total = measured.size() * acts.length;
        int[] done = {0};
        List<PropagationSection.Run> runs = IntStream.range(0, total).parallel().mapToObj(i -> {
            Scheme s = measured.get(i / acts.length);
            PropagationSection.Run r = measure(s, acts[i % acts.length], random);
            synchronized (done) {
                c.progress().step("propagation", s + " " + acts[i % acts.length].id(), ++done[0], total);
            }
            return r;
        }).toList();
        return new PropagationSection(WIDTHS.clone(), BATCH, LAYOUT.id(),
                Arrays.stream(acts).map(Activation::id).toList(), runs, skipped);
    }

    private static PropagationSection.Run measure(Scheme s, Activation a, SeededRandom random) {
        ForwardMeasurement f = Propagation.forward(s, LAYOUT, WIDTHS, a, BATCH, random);
        BackwardMeasurement b = Propagation.backward(s, LAYOUT, WIDTHS, a, BATCH, random);
        MeanField.Prediction p = MeanField.predict(s, LAYOUT, WIDTHS, a);
        int depth = f.depth();
        double[] mean = new double[depth];
        double[] std = new double[depth];
        double[] sat = new double[depth];
        double[] pred = new double[depth];
        double[] grad = new double[depth];
        for (int l = 1; l <= depth; l++) {
            mean[l - 1] = f.layer(l).mean();
            std[l - 1] = f.layer(l).std();
            sat[l - 1] = f.layer(l).saturated();
            pred[l - 1] = p.layer(l).std();
            grad[l - 1] = b.layer(l).inputGradient();
        }
        return new PropagationSection.Run(s.toString(), a.id(), Regime.of(f).id(), mean, std, sat, pred, grad);
    }

    /** Seed document 000: its table (tanh, widths 100,50×5) and identical hidden units under zero/constant init. */
    static SeedSection seedExperiment(Suite.Config c) {
        int[] widths = PropagationTable.SEED_WIDTHS.stream().mapToInt(Integer::intValue).toArray();
        PropagationTable t = PropagationTable.of(PropagationTable.SEED_SCHEMES.stream().map(Scheme::parse).toList(),
                Layout.PYTORCH, widths, Activation.TANH, Propagation.DEFAULT_BATCH, SeededRandom.of(c.seed()));
        Map<String, String> regimes = new LinkedHashMap<>();
        t.regimes().forEach((k, v) -> regimes.put(k, v.id()));
        List<SeedSection.IdenticalRows> constant = new ArrayList<>();
        for (String s : List.of("zeros", "constant(value=0.1)", "small_random")) {
            double[] w = ReferenceInitializer.of(s, Layout.PYTORCH)
                    .initialize(Shape.of(widths[1], widths[0]), SeededRandom.of(c.seed()).derive("seed/" + s).create());
            int largest = SymmetryBreaking.identicalRowGroups(w, widths[1], widths[0]).stream()
                    .mapToInt(List::size).max().orElse(1);
            constant.add(new SeedSection.IdenticalRows(s, widths[1], widths[0], largest));
        }
        c.progress().step("seed experiments", "table", 1, 1);
        return new SeedSection(widths, Propagation.DEFAULT_BATCH, Activation.TANH.id(), t.rows(), regimes, constant);
    }
}
