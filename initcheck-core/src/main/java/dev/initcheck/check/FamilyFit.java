package dev.initcheck.check;

import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.TruncatedNormal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The estimators of {@link LawFit}, one per candidate family. Each returns an {@link Estimate}: the scheme of the
 * fitted law in the catalogue grammar, its parameters and standard errors, and for each parameter that may have a
 * closed form an interval that holds the true value except with probability about 0.3% ({@link Interval}).
 *
 * <p><b>Edges.</b> A bound c of the support is estimated from the largest |y|, M, seen k times. For a law whose
 * density of |X| at c is g(c), write gamma = c·g(c) (1 for U(-c, c); 4·phi(2)/(2·Phi(2) - 1) = 0.22626 for N(0, sd)
 * cut at ±2 sd). P(max|X| &lt; c - t) = (1 - G(t))^n ≈ exp(-n·g(c)·t), so c - M is about c·E/(n·gamma), E ~ Exp(1):
 * <ul>
 *   <li>float32/float64: c = M·(1 + 1/(n·gamma)), for the uniform the unbiased M·(n+1)/n (E[M] = c·n/(n+1));
 *       standard error c/(n·gamma) (exactly c/sqrt(n(n+2)) for the uniform); c lies in
 *       [cellLower(M), cellUpper(M)·(1 + 6/(n·gamma))] except with probability e^-6 = 0.25% (one-sided: the largest
 *       value never exceeds the bound);</li>
 *   <li>float16/bfloat16, whose cells near c are 2^-11 or 2^-8 relative wide, far wider than c/n for large n: the
 *       top rounding cell [L, U] of M holds a share g(c)·(c - L) = gamma·(c - L)/c of the values, so
 *       c = L/(1 - k/(n·gamma)) (the density taken as constant across one cell: it changes by 1.6% for the
 *       truncated normal in bfloat16), standard error c·sqrt(k)/(n·gamma) (Poisson count), interval c ± 3 se and
 *       c &gt;= L.</li>
 * </ul>
 */
final class FamilyFit {
    /** The candidate families, in the order they are tried. */
    enum Kind {
        NORMAL("normal"), UNIFORM("uniform"), KERAS_TRUNCATED("truncated_normal"),
        TORCH_TRUNCATED("truncated_normal");

        final String id;

        Kind(String id) {
            this.id = id;
        }
    }

    /** gamma for N(0, sd) cut at ±2 sd: 4·phi(2)/(2·Phi(2) - 1). */
    static final double KERAS_EDGE = 4 * Math.exp(-2) / Math.sqrt(2 * Math.PI) / 0.9544997361036416;
    /** The one-sided edge interval reaches 6 standard errors above the estimate's base (e^-6 = 0.25%). */
    static final double EDGE_TAIL = 6;
    /** Two-sided interval half-width in standard errors (0.27% outside for a normal estimate). */
    static final double SE_MULTIPLE = 3;
    /** torch trunc_normal_ default cut-offs a = -2, b = 2 (absolute, not in sd). */
    static final double TORCH_CUT = 2;

    private FamilyFit() {
    }

    /** Where a parameter lies: point estimate, standard error, and an interval for closed-form recognition. */
    record Interval(String key, double value, double se, double lo, double hi) {
        boolean contains(double v) {
            return v >= lo && v <= hi;
        }
    }

    /**
     * One fitted candidate.
     *
     * @param kind      the family
     * @param scheme    the fitted law in the catalogue grammar
     * @param intervals the parameters (grammar keys, in order) with their standard errors and intervals
     * @param text      the law in words with its standard errors: {@code normal, sd 0.02001 ± 0.00002}
     * @param notes     how the fit was made where there was a choice (zero mean or not, symmetric or not)
     */
    record Estimate(Kind kind, String scheme, List<Interval> intervals, String text, List<String> notes) {
        Map<String, Double> parameters() {
            Map<String, Double> m = new LinkedHashMap<>();
            intervals.forEach(i -> m.put(i.key(), i.value()));
            return m;
        }

        Map<String, Double> standardErrors() {
            Map<String, Double> m = new LinkedHashMap<>();
            intervals.forEach(i -> m.put(i.key(), i.se()));
            return m;
        }

        /** True for a zero-mean symmetric law, whose one scale parameter may have a closed form. */
        boolean symmetric() {
            return intervals.size() == 1;
        }
    }

    /** Every family that can be fitted to {@code x}, in {@link Kind} order; {@code share} is one candidate's alpha. */
    static List<Estimate> all(FitSample x, Precision p, double share) {
        List<Estimate> out = new ArrayList<>();
        for (Estimate e : new Estimate[] {normal(x, share), uniform(x, p, share), kerasTruncated(x, p),
            torchTruncated(x, p, share)}) {
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * N(mean, sd). The mean is fitted only when |ȳ| &gt; z·s/sqrt(n), z the two-sided normal quantile at the
     * candidate's share of alpha (the mean check's own scale): then mean ȳ (se s/sqrt(n)) and sd
     * s = sqrt(Σ(y - ȳ)²/(n - 1)) (se s/sqrt(2(n - 1))); otherwise N(0, sd) with the maximum-likelihood
     * sd = sqrt(Σy²/n) (se sd/sqrt(2n)).
     */
    static Estimate normal(FitSample x, double share) {
        int n = x.n;
        double s = x.standardDeviation();
        double seMean = s / Math.sqrt(n);
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(share / 2);
        double mean = x.mean();
        if (Math.abs(mean) > z * seMean) {
            double se = s / Math.sqrt(2.0 * (n - 1));
            if (!(s > 0) || !Double.isFinite(s)) {
                return null;
            }
            String scheme = "normal(stddev=" + Fmt.schemeNumber(s, se, RoundingMode.HALF_EVEN) + ",mean="
                    + Fmt.schemeNumber(mean, seMean, RoundingMode.HALF_EVEN) + ")";
            return new Estimate(Kind.NORMAL, scheme, List.of(twoSided("stddev", s, se),
                    twoSided("mean", mean, seMean)), "normal, mean " + Fmt.withError(mean, seMean) + ", sd "
                    + Fmt.withError(s, se), List.of("mean fitted: |mean| = " + Fmt.num(Math.abs(mean) / seMean)
                    + " se > " + Fmt.num(z) + " se"));
        }
        double sd = x.rootMeanSquare();
        if (!(sd > 0) || !Double.isFinite(sd)) {
            return null;
        }
        double se = sd / Math.sqrt(2.0 * n);
        return new Estimate(Kind.NORMAL, "normal(stddev=" + Fmt.schemeNumber(sd, se, RoundingMode.HALF_EVEN) + ")",
                List.of(twoSided("stddev", sd, se)), "normal, sd " + Fmt.withError(sd, se),
                List.of("zero-mean law fitted: |mean| = " + Fmt.num(Math.abs(mean) / seMean) + " se <= "
                        + Fmt.num(z) + " se"));
    }

    /**
     * U(-b, b), or U(a, b) when clearly asymmetric: |max + min| &gt; ln(1/share)·(max - min)/n + ulp(M). Under
     * U(-b, b), max + min is about (2b/n)(E1 - E2), E1, E2 ~ Exp(1) independent, so it exceeds t·2b/n in size with
     * probability e^-t; the ulp covers the rounding of the two extremes. The symmetric bound is an edge
     * ({@link FamilyFit}, gamma = 1). The asymmetric ends are, in float32/float64, the minimum-variance unbiased
     * a = min - r/(n - 1), b = max + r/(n - 1), r = max - min (standard error (b - a)/n, one-sided intervals as for
     * an edge); in float16/bfloat16, from the counts k_a, k_b in the extreme cells [L_b, ·] at the top and [·, U_a]
     * at the bottom: w = (L_b - U_a)/(1 - (k_a + k_b)/n), b = L_b + k_b·w/n, a = U_a - k_a·w/n.
     */
    static Estimate uniform(FitSample x, Precision p, double share) {
        double t = Math.log(1 / share);
        int n = x.n;
        if (Math.abs(x.max + x.min) <= t * (x.max - x.min) / n + p.ulp(x.maxAbs)) {
            Interval b = edge(x, p, 1, "limit");
            return new Estimate(Kind.UNIFORM, "uniform(limit=" + Fmt.schemeNumber(b.value(), b.se(),
                    RoundingMode.CEILING) + ")", List.of(b), "uniform ±" + Fmt.withError(b.value(), b.se()),
                    List.of("symmetric: |max + min| <= " + Fmt.num(t) + "·(max - min)/n"));
        }
        double a;
        double b;
        double seA;
        double seB;
        double[] aRange;
        double[] bRange;
        double lTop = p.cellLower(x.max);
        double uBottom = p.cellUpper(x.min);
        int k = x.atMin + x.atMax;
        if (enumerated(p) && lTop > uBottom && k < n / 2.0) {
            double w = (lTop - uBottom) / (1 - (double) k / n);
            b = lTop + x.atMax * w / n;
            a = uBottom - x.atMin * w / n;
            seB = w * Math.sqrt(x.atMax) / n;
            seA = w * Math.sqrt(x.atMin) / n;
            bRange = new double[] {Math.max(lTop, b - SE_MULTIPLE * seB), b + SE_MULTIPLE * seB};
            aRange = new double[] {a - SE_MULTIPLE * seA, Math.min(uBottom, a + SE_MULTIPLE * seA)};
        } else {
            double r = x.max - x.min;
            a = x.min - r / (n - 1);
            b = x.max + r / (n - 1);
            seA = (b - a) / n;
            seB = seA;
            bRange = new double[] {lTop, p.cellUpper(x.max) + EDGE_TAIL * seB};
            aRange = new double[] {uBottom - EDGE_TAIL * seA, uBottom};
        }
        String scheme = "uniform(min=" + Fmt.schemeNumber(a, seA, RoundingMode.FLOOR) + ",max="
                + Fmt.schemeNumber(b, seB, RoundingMode.CEILING) + ")";
        return new Estimate(Kind.UNIFORM, scheme, List.of(new Interval("min", a, seA, aRange[0], aRange[1]),
                new Interval("max", b, seB, bRange[0], bRange[1])), "uniform on [" + Fmt.withError(a, seA) + ", "
                + Fmt.withError(b, seB) + "]", List.of("asymmetric: |max + min| > " + Fmt.num(t)
                + "·(max - min)/n"));
    }

    /**
     * Keras TruncatedNormal: N(0, sd) cut at ±2 sd. The cut c is an edge (gamma = {@link #KERAS_EDGE}) and sd = c/2,
     * which pins sd to O(1/n), far closer than the second moment would (relative se 0.58/sqrt(n)), and keeps every
     * value inside the fitted support.
     */
    static Estimate kerasTruncated(FitSample x, Precision p) {
        Interval c = edge(x, p, KERAS_EDGE, "stddev");
        Interval sd = new Interval("stddev", c.value() / 2, c.se() / 2, c.lo() / 2, c.hi() / 2);
        return new Estimate(Kind.KERAS_TRUNCATED, "truncated_normal(stddev=" + Fmt.schemeNumber(sd.value(), sd.se(),
                RoundingMode.CEILING) + ")", List.of(sd), "truncated normal cut at ±2 sd (Keras), sd "
                + Fmt.withError(sd.value(), sd.se()), List.of("cut at ±2 parent sd, estimated from max |y|"));
    }

    /**
     * torch {@code trunc_normal_} with its default absolute cut-offs ±2: N(0, sd) cut at ±2, sd solved from
     * Var(sd) = Σy²/n (bisection; Var increases from 0 to 4/3 with sd), se from the delta method,
     * se(Σy²/n)/Var'(sd), se(Σy²/n) = Σy²/n·sqrt((kurtosis - 1)/n). Tried only when the cut matters: every |y|
     * &lt;= 2 (+ 1 ulp) and N(0, rms) would put lambda = n·P(|X| &gt; 2) &gt;= ln(1/share) values beyond ±2, so
     * that seeing none has probability e^-lambda &lt;= share under the normal; otherwise the law is the normal.
     */
    static Estimate torchTruncated(FitSample x, Precision p, double share) {
        double rms = x.rootMeanSquare();
        if (x.maxAbs > TORCH_CUT + p.ulp(TORCH_CUT) || !(rms > 0)) {
            return null;
        }
        double lambda = x.n * 2 * NormalDistribution.of(0, 1).survivalProbability(TORCH_CUT / rms);
        double m2 = rms * rms;
        if (lambda < Math.log(1 / share) || !(m2 < 4.0 / 3)) {
            return null;
        }
        double lo = rms;
        double hi = rms;
        for (int i = 0; i < 40 && variance(hi) < m2; i++) {
            hi *= 2;
        }
        if (!(variance(hi) >= m2)) {
            return null;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (variance(mid) < m2) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double sd = 0.5 * (lo + hi);
        double h = 1e-5 * sd;
        double slope = (variance(sd + h) - variance(sd - h)) / (2 * h);
        double seM2 = m2 * Math.sqrt(Math.max(0, x.kurtosisAboutZero() - 1) / x.n);
        double se = seM2 / slope;
        return new Estimate(Kind.TORCH_TRUNCATED, "torch.trunc_normal(std=" + Fmt.schemeNumber(sd, se,
                RoundingMode.HALF_EVEN) + ")", List.of(twoSided("std", sd, se)),
                "truncated normal cut at ±2 (torch trunc_normal_), sd " + Fmt.withError(sd, se),
                List.of("cut at the absolute ±2 of torch trunc_normal_: N(0, rms) would put " + Fmt.num(lambda)
                        + " values beyond it"));
    }

    private static double variance(double sd) {
        return TruncatedNormal.of(0, sd, -TORCH_CUT, TORCH_CUT).variance();
    }

    /** The edge c of a symmetric support, as in the class comment; {@code gamma} = c·g(c). */
    static Interval edge(FitSample x, Precision p, double gamma, String key) {
        int n = x.n;
        double m = x.maxAbs;
        int k = x.atMaxAbs;
        double low = p.cellLower(m);
        if (enumerated(p) && k < n * gamma / 2 && low > 0) {
            double c = low / (1 - k / (n * gamma));
            double se = c * Math.sqrt(k) / (n * gamma);
            return new Interval(key, c, se, Math.max(low, c - SE_MULTIPLE * se), c + SE_MULTIPLE * se);
        }
        double c = m * (1 + 1 / (n * gamma));
        double se = c / (n * gamma);
        return new Interval(key, c, se, low, p.cellUpper(m) * (1 + EDGE_TAIL / (n * gamma)));
    }

    private static Interval twoSided(String key, double v, double se) {
        return new Interval(key, v, se, v - SE_MULTIPLE * se, v + SE_MULTIPLE * se);
    }

    private static boolean enumerated(Precision p) {
        return p == Precision.FLOAT16 || p == Precision.BFLOAT16;
    }
}
