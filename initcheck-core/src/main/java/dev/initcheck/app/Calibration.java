package dev.initcheck.app;

import dev.initcheck.check.AlphaShare;
import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import dev.initcheck.check.Conformance;
import dev.initcheck.check.Fmt;
import dev.initcheck.distribution.Precision;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import dev.initcheck.summary.BinEdges;
import dev.initcheck.summary.StreamingSummary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * Measures the false-alarm rate of every check: many tensors drawn by the exact reference samplers
 * ({@link ReferenceInitializer}), each checked at the same per-check alpha, rejections counted. A calibrated
 * check rejects about alpha·runs times (the DKW and Bernstein gates are conservative, so fewer is expected);
 * hard checks must never reject. Each row carries the central 99% binomial range of the count under rate alpha,
 * the Clopper–Pearson 95% interval of the measured rate, and the count above which the rate exceeds alpha with
 * probability below {@link #ALARM_PROBABILITY}.
 */
public final class Calibration {
    /** False-alarm probability of the over-rate verdict ({@link Row#alarmLimit}). */
    static final double ALARM_PROBABILITY = 1e-7;

    private Calibration() {
    }

    /** A declared law to draw from, under a short label such as {@code uniform}. */
    public record Case(String label, Expectation expectation) {
    }

    /**
     * One check on one case.
     *
     * @param expectedLow  lower end of the central 99% range of the count under rate alpha
     * @param expectedHigh upper end of that range
     * @param alarmLimit   largest count with P(Bin(runs, alpha) &gt;= count) &gt; {@link #ALARM_PROBABILITY}
     * @param rateLow      Clopper–Pearson 95% interval of the measured rate, lower end
     * @param rateHigh     its upper end
     */
    public record Row(CheckName check, String label, int runs, int rejections, double alpha, int expectedLow,
                      int expectedHigh, int alarmLimit, double rateLow, double rateHigh) {
        double rate() {
            return (double) rejections / runs;
        }

        /** Within the 99% range or below it (a conservative check). */
        public boolean withinOrBelow() {
            return rejections <= expectedHigh;
        }
    }

    /** Uniform (Keras he_uniform), normal (torch.kaiming_normal) and Keras truncated normal (he_normal). */
    public static List<Case> defaultCases(Shape shape) {
        return List.of(
                new Case("uniform", Scheme.parse("he_uniform").resolve(shape, Layout.KERAS)),
                new Case("normal", Scheme.parse("torch.kaiming_normal").resolve(shape, Layout.PYTORCH)),
                new Case("truncated_normal", Scheme.parse("he_normal").resolve(shape, Layout.KERAS)));
    }

    /** Runs {@code runs} seeded tensors per case, every stochastic check at {@code alphaPerCheck}. */
    public static List<Row> run(List<Case> cases, int runs, double alphaPerCheck, Precision precision,
                                SeededRandom seed) {
        return run(cases, runs, alphaPerCheck, precision, false, seed);
    }

    /**
     * As above; the values are rounded to {@code precision} as a framework stores them ({@link Precision#round},
     * float64 keeps them), and with {@code streaming} they are checked from the one-pass binned summary (the
     * path large tensors take) instead of a sorted copy.
     */
    static List<Row> run(List<Case> cases, int runs, double alphaPerCheck, Precision precision,
                                boolean streaming, SeededRandom seed) {
        List<Row> rows = new ArrayList<>();
        for (Case c : cases) {
            rows.addAll(runCase(c, runs, alphaPerCheck, precision, streaming, seed.derive(c.label())));
        }
        return rows;
    }

    private static List<Row> runCase(Case c, int runs, double alphaPerCheck, Precision precision, boolean streaming,
                                     SeededRandom seed) {
        Expectation e = c.expectation();
        int k = Conformance.stochasticChecks(e, e.shape().size(), precision, AlphaShare.of(alphaPerCheck),
                !streaming).size();
        AlphaShare alphaTensor = AlphaShare.of(alphaPerCheck * k); // split back into k parts of alphaPerCheck
        Map<CheckName, int[]> counts = new EnumMap<>(CheckName.class);
        BinEdges edges = streaming ? BinEdges.of(e.distribution(),
                precision, StreamingSummary.DEFAULT_BINS) : null;
        // Runs are independent streams, so the parallel count is the same as the sequential one.
        IntStream.range(0, runs).parallel().mapToObj(i -> {
            SeededRandom s = seed.derive("run " + i);
            double[] values = ReferenceInitializer.sample(e, s.create());
            for (int j = 0; j < values.length; j++) {
                values[j] = precision.round(values[j]);
            }
            if (streaming) {
                var summary = StreamingSummary.empty(edges).add(values, 0, values.length);
                return Conformance.check(summary.moments(), summary, e, precision, alphaTensor).checks();
            }
            return Conformance.check(values, e, precision, alphaTensor, s).checks();
        }).forEachOrdered(results -> tally(counts, results));
        List<Row> rows = new ArrayList<>();
        counts.forEach((name, t) -> rows.add(row(name, c.label(), runs, t[0],
                t[1] == 1 ? 0 : alphaPerCheck)));
        return rows;
    }

    private static void tally(Map<CheckName, int[]> counts, List<CheckResult> results) {
        for (CheckResult r : results) {
            int[] t = counts.computeIfAbsent(r.name(), x -> new int[2]);
            t[0] += r.passed() ? 0 : 1;
            t[1] = r.hard() ? 1 : 0; // hard checks spend no alpha

        }
    }

    static Row row(CheckName check, String label, int runs, int rejections, double alpha) {
        int lo = 0;
        int hi = 0;
        int alarm = 0;
        if (alpha > 0) {
            BinomialDistribution bin = BinomialDistribution.of(runs, alpha);
            lo = bin.inverseCumulativeProbability(0.005); // max{k : P(Bin < k) <= a}
            hi = bin.inverseSurvivalProbability(0.005); // min{k : P(Bin > k) <= a}
            alarm = bin.inverseSurvivalProbability(ALARM_PROBABILITY);
        }
        double rl = rejections == 0 ? 0 : BetaDistribution.of(rejections, runs - rejections + 1.0)
                .inverseCumulativeProbability(0.025);
        double rh = rejections == runs ? 1 : BetaDistribution.of(rejections + 1.0, runs - rejections)
                .inverseCumulativeProbability(0.975);
        return new Row(check, label, runs, rejections, alpha, lo, hi, alarm, rl, rh);
    }

    /** The rows as a Markdown table: check × case, runs, rejections, rate, intervals, verdict. */
    public static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| check | law | runs | alpha | rejections | rate | rate 95% CI | 99% range under alpha | ")
                .append("verdict |\n|---|---|---:|---:|---:|---:|---|---|---|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %d | %.4f | [%.4f, %.4f] | %s | %s |%n",
                    r.check().id(), r.label(), r.runs(), r.alpha() == 0 ? "hard" : Fmt.num(r.alpha()), r.rejections(),
                    r.rate(), r.rateLow(), r.rateHigh(), r.alpha() == 0 ? "0" : "[" + r.expectedLow() + ", "
                            + r.expectedHigh() + "]", verdict(r)));
        }
        return b.toString();
    }

    private static String verdict(Row r) {
        if (r.rejections() > r.expectedHigh()) {
            return r.rejections() > r.alarmLimit() ? "TOO MANY" : "above range";
        }
        return r.rejections() < r.expectedLow() ? "below (conservative)" : "within";
    }
}
