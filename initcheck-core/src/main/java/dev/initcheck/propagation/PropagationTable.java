package dev.initcheck.propagation;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed document 000's experiment as a table: a standard normal input of width 100 through 5 hidden layers of 50
 * units with tanh, once per scheme; per layer the activations' mean, std and saturated fraction, next to the
 * mean-field std. A batch of {@value Propagation#DEFAULT_BATCH} inputs replaces the document's single vector, so
 * each figure averages 50·1000 values instead of the 50 a single vector gives.
 * All schemes see the same inputs (same {@link SeededRandom}).
 */
public final class PropagationTable {
    /** Input 100, five hidden layers of 50. */
    public static final List<Integer> SEED_WIDTHS = List.of(100, 50, 50, 50, 50, 50);
    /** The document's small and large random weights, Xavier (Glorot) and He. */
    public static final List<String> SEED_SCHEMES = List.of("small_random", "large_random", "glorot_uniform", "he_normal");
    /** Seed of the default table. */
    static final long DEFAULT_SEED = 42;

    private final List<PropagationRow> rows;
    private final Map<String, Regime> regimes;

    private PropagationTable(List<PropagationRow> rows, Map<String, Regime> regimes) {
        this.rows = List.copyOf(rows);
        this.regimes = regimes;
    }

    /** The document's configuration: widths 100,50×5, tanh, the four schemes, PyTorch layout, batch 1000, seed 42. */
    static PropagationTable seedExperiment() {
        return of(SEED_SCHEMES.stream().map(Scheme::parse).toList(), Layout.PYTORCH,
                SEED_WIDTHS.stream().mapToInt(Integer::intValue).toArray(), Activation.TANH,
                Propagation.DEFAULT_BATCH, SeededRandom.of(DEFAULT_SEED));
    }

    /** One forward measurement and one prediction per scheme. */
    public static PropagationTable of(List<Scheme> schemes, Layout layout, int[] widths, Activation activation,
                                      int batch, SeededRandom random) {
        if (schemes.isEmpty()) {
            throw new IllegalArgumentException("need at least one scheme");
        }
        Propagation.checkWidths(widths);
        List<PropagationRow> rows = new ArrayList<>();
        Map<String, Regime> regimes = new LinkedHashMap<>();
        for (Scheme s : schemes) {
            ForwardMeasurement m = Propagation.forward(s, layout, widths, activation, batch, random);
            MeanField.Prediction p = MeanField.applies(s, layout, widths)
                    ? MeanField.predict(s, layout, widths, activation) : null;
            for (ForwardMeasurement.LayerStats l : m.layers()) {
                Double predicted = p == null ? null : p.layer(l.layer()).std();
                rows.add(new PropagationRow(s.toString(), activation.id(), l.layer(), l.mean(), l.std(), l.saturated(),
                        predicted));
            }
            regimes.put(s.toString(), Regime.of(m));
        }
        return new PropagationTable(rows, regimes);
    }

    /** Rows grouped by scheme (in the order given), layers ascending. */
    public List<PropagationRow> rows() {
        return rows;
    }

    /** Each scheme's {@link Regime}, keyed by its canonical spelling, in the order given. */
    public Map<String, Regime> regimes() {
        return java.util.Collections.unmodifiableMap(regimes);
    }

    /** The regime of one scheme (canonical spelling), or null. */
    public Regime regime(String scheme) {
        return regimes.get(scheme);
    }

    /** Rows of one scheme, layers ascending. */
    List<PropagationRow> rows(String scheme) {
        return rows.stream().filter(r -> r.scheme().equals(scheme)).toList();
    }
}
