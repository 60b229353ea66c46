package dev.initcheck.check;

import dev.initcheck.check.FamilyFit.Estimate;
import dev.initcheck.distribution.Family;
import dev.initcheck.distribution.PointMass;
import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.sample.SortedSample;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Fans;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which law, of any scale, explains a tensor: for laws outside the catalogue's fans (a torch bias
 * U(±1/sqrt(fan_in of its weight)), RNN weights U(±1/sqrt(hidden)), N(0, 0.02), a scale 3% off).
 *
 * <p><b>Candidates.</b> All values equal: {@code constant} (exact, checked by {@code point_mass}, no budget).
 * Otherwise {@link #CANDIDATES} families are fitted ({@link FamilyFit} states each estimator and its standard error):
 * normal N(0, sd), or N(mean, sd) when the mean differs from 0 detectably; uniform U(-b, b) with
 * b = max|y|·(n+1)/n (float32/float64, the unbiased correction of the maximum; se ≈ b/n), or U(a, b) when clearly
 * asymmetric; Keras' normal cut at ±2 sd (cut from max|y|); torch {@code trunc_normal_}'s normal cut at the
 * absolute ±2 (only when that cut shows in the data). Each fitted law, written in the catalogue grammar (the
 * {@link Result#scheme()}, usable as a policy rule), gets the full checks of {@link Conformance} at an equal share
 * alpha/{@value #CANDIDATES} of the budget (Bonferroni).
 *
 * <p><b>Choice.</b> Candidates are ranked PASS before INCONCLUSIVE before FAIL, then by the KS distance D to the
 * fitted law as stored (smallest first); the first is the fit. A law no check can tell from another at this n may
 * be named instead of it (both pass).
 *
 * <p><b>No law explains</b> ({@code explained} false, family {@code none}) when a value is NaN or infinite, when a
 * value exceeds 10^6 × the median |y| ({@link Offenders}: no candidate puts a value there except with probability
 * below 1e-10), or when every candidate fails. The description then counts the offending values: NaN, infinite,
 * huge, and exact zeros or subnormals beyond what the nearest law as stored would hold; the verdict is that of the
 * nearest candidate.
 *
 * <p><b>Testing a fitted law.</b> The checks run against a law fitted to the same values, which makes the KS and
 * moment checks conservative (Lilliefors 1967, "On the Kolmogorov–Smirnov test for normality with mean and
 * variance unknown", JASA 62): the fitted law is closer to the sample than the true one, so the probability that a
 * tensor drawn from one of the families is declared unexplained stays at most alpha, while the power against other
 * laws is lower than that of a check against a declared law. Some checks become vacuous: the zero-mean normal's
 * second moment matches by construction, the fitted bound of a uniform is never exceeded.
 *
 * <p><b>Recognized.</b> The fitted scale parameter is compared with closed forms, in the order of
 * {@link ClosedForms}: 1/sqrt(k) for k from the shape and fans, Glorot/He/LeCun, round values (0.02), then (uniform
 * bounds) any integer k &lt;= 2^20; the first within about 3 standard errors (and the stored rounding cell) is named.
 * Only a fit whose checks pass is recognized: an inconclusive one (a 10-value bias) would match almost anything.
 */
public final class LawFit {
    /** The number of fitted families, and so the Bonferroni divisor of alpha. */
    public static final int CANDIDATES = 4;

    private LawFit() {
    }

    /**
     * One fitted family and its checks.
     *
     * @param family      {@code constant}, {@code normal}, {@code uniform} or {@code truncated_normal}
     * @param scheme      the fitted law in the catalogue grammar
     * @param description the law in words with standard errors
     * @param distance    KS distance D of the values to the fitted law as stored (NaN for a constant)
     * @param verdict     the full checks of the fitted law at alpha/{@value #CANDIDATES}
     */
    public record Candidate(String family, Scheme scheme, Map<String, Double> parameters,
                            Map<String, Double> standardErrors, String description, double distance,
                            Verdict verdict) {
        public Candidate {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            standardErrors = Collections.unmodifiableMap(new LinkedHashMap<>(standardErrors));
        }
    }

    /**
     * What {@link #fit} found.
     *
     * @param explained        true when the fitted law's checks did not fail and no value is NaN, infinite or huge
     * @param family           {@code constant}, {@code normal}, {@code uniform}, {@code truncated_normal}, or
     *                         {@code none}
     * @param parameters       the fitted parameters under their grammar keys (stddev, mean, limit, min, max, std,
     *                         value), in that order; empty for none
     * @param standardErrors   the standard error of each parameter
     * @param scheme           the fitted law in the catalogue grammar, e.g. {@code normal(stddev=0.02001)}; null for
     *                         none
     * @param recognized       the closed form the scale parameter matches, e.g. {@code 0.02} or
     *                         {@code 1/√512 (1/√fan_in)}; null when none
     * @param recognizedScheme the scheme that states the recognized form exactly (a catalogue name where one fits,
     *                         e.g. {@code torch.linear_default}); null when none. Not checked separately.
     * @param description      e.g. {@code normal, sd 0.02001 ± 0.00002 = 0.02} or
     *                         {@code no law explains: 3 NaN, ...}
     * @param notes            how the fit was made (zero mean or not, symmetric or not)
     * @param verdict          the checks of the fitted law (for none: of the nearest candidate)
     * @param candidates       every candidate fitted, best first
     */
    public record Result(boolean explained, String family, Map<String, Double> parameters,
                         Map<String, Double> standardErrors, Scheme scheme, String recognized,
                         Scheme recognizedScheme, String description, List<String> notes, Verdict verdict,
                         List<Candidate> candidates) {
        public Result {
            notes = List.copyOf(notes);
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * Fits a law of any scale to a tensor and checks it.
     *
     * @param valuesCOrder the values in C order of {@code shape}
     * @param shape        the tensor's shape
     * @param layout       its layout (PyTorch or Keras), for the fans a recognized scheme is named by
     * @param fans         its fans
     * @param p            the precision the values were stored in
     * @param alpha        the false-alarm share of this tensor, split over the {@value #CANDIDATES} candidates
     * @return the fit: explained or not, the family, its parameters with standard errors, the recognized scheme
     * @throws IllegalArgumentException if there are no values or their number is not the shape's size
     */
    public static Result fit(double[] valuesCOrder, Shape shape, Layout layout, Fans fans, Precision p,
                             AlphaShare alpha) {
        return fit(valuesCOrder, null, shape, layout, fans, p, alpha);
    }

    /**
     * As above, with the values already sorted.
     *
     * @param valuesCOrder the values in C order of {@code shape}
     * @param sorted       the same values sorted, or null to sort here
     * @param shape        the tensor's shape
     * @param layout       its layout
     * @param fans         its fans
     * @param p            the stored precision
     * @param alpha        the false-alarm share of this tensor
     * @return the fit
     */
    public static Result fit(double[] valuesCOrder, SortedSample sorted, Shape shape, Layout layout, Fans fans,
                             Precision p, AlphaShare alpha) {
        if (valuesCOrder.length == 0 || valuesCOrder.length != shape.size()
                || sorted != null && sorted.size() != valuesCOrder.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "got %d values%s but shape %s has %d",
                    valuesCOrder.length, sorted == null ? "" : " (" + sorted.size() + " sorted)", shape,
                    shape.size()));
        }
        AlphaShare share = alpha.split(CANDIDATES);
        boolean allFinite = Arrays.stream(valuesCOrder).allMatch(Double::isFinite);
        double[] finite = allFinite ? valuesCOrder : Arrays.stream(valuesCOrder).filter(Double::isFinite).toArray();
        if (finite.length == 0) {
            Expectation e = Scheme.parse("zeros").resolve(shape, layout, fans);
            return none(Offenders.of(valuesCOrder, null, null, p), null, Conformance.check(valuesCOrder, e, p, share),
                    List.of());
        }
        SortedSample s = allFinite && sorted != null ? sorted : SortedSample.of(finite);
        FitSample x = new FitSample(s.sortedValues());
        List<Fitted> fitted = new ArrayList<>();
        if (x.min == x.max) {
            String v = Fmt.shortest(x.min, p);
            fitted.add(new Fitted(null, Scheme.parse("constant(value=" + v + ")"), "constant " + v));
        } else {
            for (Estimate est : FamilyFit.all(x, p, share.value())) {
                try {
                    Scheme sc = Scheme.parse(est.scheme());
                    sc.resolve(shape, layout, fans);
                    fitted.add(new Fitted(est, sc, est.text()));
                } catch (IllegalArgumentException ex) { // SchemeException included
                    // a parameter outside what the law accepts (e.g. an overflowing bound): not a candidate
                }
            }
            if (fitted.isEmpty()) { // magnitudes near Double.MAX_VALUE: judged against the constant at the median
                String v = Fmt.shortest(x.sorted[x.n / 2], Precision.FLOAT64);
                fitted.add(new Fitted(null, Scheme.parse("constant(value=" + v + ")"), "constant " + v));
            }
        }
        List<Ranked> ranked = new ArrayList<>();
        for (Fitted f : fitted) {
            Expectation e = f.scheme().resolve(shape, layout, fans);
            Verdict v = allFinite ? Conformance.check(valuesCOrder, s, e, p, share)
                    : Conformance.check(valuesCOrder, e, p, share);
            double d = e.distribution().family() == Family.POINT_MASS ? Double.NaN
                    : allFinite ? v.check(CheckName.KS).map(CheckResult::statistic).orElse(Double.NaN)
                    : s.distanceTo(StoredLaw.of(e.distribution(), p)).d();
            ranked.add(new Ranked(f, candidate(f, d, v)));
        }
        ranked.sort(Comparator.comparingInt((Ranked r) -> rank(r.candidate().verdict()))
                .thenComparingDouble(r -> r.candidate().distance()));
        List<Candidate> candidates = ranked.stream().map(Ranked::candidate).toList();
        Ranked best = ranked.get(0);
        Verdict verdict = best.candidate().verdict();
        Offenders o = Offenders.of(valuesCOrder, x, verdict.expectation().distribution(), p);
        if (o.decisive() || verdict.failed()) {
            return none(o, best.candidate(), verdict, candidates);
        }
        return explained(best, shape, fans, p, candidates);
    }

    private record Fitted(Estimate estimate, Scheme scheme, String text) {
    }

    private record Ranked(Fitted fitted, Candidate candidate) {
    }

    private static Candidate candidate(Fitted f, double distance, Verdict v) {
        if (f.estimate() == null) {
            double value = ((PointMass) v.expectation().distribution()).value();
            return new Candidate("constant", f.scheme(), Map.of("value", value), Map.of("value", 0.0), f.text(),
                    distance, v);
        }
        return new Candidate(f.estimate().kind().id, f.scheme(), f.estimate().parameters(),
                f.estimate().standardErrors(), f.text(), distance, v);
    }

    private static int rank(Verdict v) {
        return switch (v.status()) {
            case PASS -> 0;
            case INCONCLUSIVE -> 1;
            case FAIL -> 2;
        };
    }

    private static Result explained(Ranked best, Shape shape, Fans fans, Precision p, List<Candidate> candidates) {
        Candidate c = best.candidate();
        Estimate est = best.fitted().estimate();
        ClosedForms.Match m = est == null || !c.verdict().passed() ? null : ClosedForms.recognize(est, shape, fans, p);
        StringBuilder text = new StringBuilder(c.description());
        if (m != null) {
            text.append(" = ").append(m.label());
        }
        if (c.verdict().status() == Verdict.Status.INCONCLUSIVE) {
            text.append(" (inconclusive: no check could have rejected it at n = ").append(c.verdict().n())
                    .append(')');
        }
        Scheme recognizedScheme = m == null || m.scheme() == null ? null : Scheme.parse(m.scheme());
        List<String> notes = est == null ? List.of("all values equal") : est.notes();
        return new Result(true, c.family(), c.parameters(), c.standardErrors(),
                c.scheme(), m == null ? null : m.label(), recognizedScheme, text.toString(), notes, c.verdict(),
                candidates);
    }

    private static Result none(Offenders o, Candidate nearest, Verdict verdict, List<Candidate> candidates) {
        List<String> phrases = o.phrases();
        String why;
        if (!phrases.isEmpty()) {
            why = String.join(", ", phrases);
        } else {
            why = "nearest " + nearest.description() + " fails " + verdict.failures().stream()
                    .map(r -> r.name().id()).collect(Collectors.joining(", "));
        }
        return new Result(false, "none", Map.of(), Map.of(), null, null, null, "no law explains: " + why,
                List.of(), verdict, candidates);
    }
}
