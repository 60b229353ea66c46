package dev.initcheck.check;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Precision;
import dev.initcheck.sample.SortedSample;
import dev.initcheck.scheme.Catalogue;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Fans;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which catalogue scheme explains a tensor best. Every scheme of {@link Catalogue#defaults()} is resolved for the
 * tensor's shape, layout and fans; schemes that resolve to the same law (same family, parameters equal to
 * {@link #SAME_LAW_RELATIVE} and same structure) form one group, since no sample can tell them apart. Groups are
 * ranked by the exact Kolmogorov–Smirnov distance D of the sample to their law (smallest first; for orthogonal
 * schemes, to the marginal law of one entry), and each gets the verdict of the full checks at an equal share of
 * the false-alarm budget {@code alpha / schemes} (Bonferroni over every scheme tried). The values are sorted once
 * for all groups. With NaN values the distance is NaN and every verdict fails its finite check.
 */
public final class Identification {
    /**
     * Parameters of two resolved laws closer than this (relative) are the same law: the same value computed by
     * different formulas, e.g. sqrt(6/(2·fan)) and sqrt(3/fan), differs by a few ulps at most.
     */
    static final double SAME_LAW_RELATIVE = 1e-12;

    private Identification() {
    }

    /** One group of schemes with the same law: the first in catalogue order, and the others. */
    public record Candidate(Scheme scheme, List<Scheme> equivalent, double distance, Verdict verdict) {
        public boolean passed() {
            return verdict.passed();
        }
    }

    /**
     * Checks a tensor against every scheme of the catalogue resolved on its shape, schemes with the same law
     * grouped.
     *
     * @param valuesCOrder the values in C order of {@code shape}
     * @param shape        the tensor's shape
     * @param layout       its layout
     * @param fans         its fans
     * @param p            the stored precision
     * @param alpha        the false-alarm share of this tensor, split over the catalogue's schemes
     * @return the candidates, those that pass first, then by KS distance
     */
    public static List<Candidate> rank(double[] valuesCOrder, Shape shape, Layout layout, Fans fans, Precision p,
                                       AlphaShare alpha) {
        return rank(valuesCOrder, null, shape, layout, fans, p, alpha);
    }

    /**
     * As above, with the values already sorted.
     *
     * @param valuesCOrder the values in C order of {@code shape}
     * @param presorted    the same values sorted, or null to sort here
     * @param shape        the tensor's shape
     * @param layout       its layout
     * @param fans         its fans
     * @param p            the stored precision
     * @param alpha        the false-alarm share of this tensor
     * @return the candidates, best first
     */
    public static List<Candidate> rank(double[] valuesCOrder, SortedSample presorted, Shape shape, Layout layout,
                                       Fans fans, Precision p, AlphaShare alpha) {
        List<Scheme> schemes = Catalogue.defaults();
        AlphaShare share = alpha.split(schemes.size());
        boolean nan = java.util.Arrays.stream(valuesCOrder).anyMatch(Double::isNaN);
        SortedSample sorted = nan ? null : presorted != null ? presorted : SortedSample.of(valuesCOrder);
        List<List<Expectation>> groups = new ArrayList<>();
        for (Scheme s : schemes) {
            Expectation e = s.resolve(shape, layout, fans);
            groups.stream().filter(g -> sameLaw(g.get(0), e)).findFirst()
                    .ifPresentOrElse(g -> g.add(e), () -> groups.add(new ArrayList<>(List.of(e))));
        }
        List<Candidate> out = new ArrayList<>();
        for (List<Expectation> g : groups) {
            Expectation e = g.get(0);
            double d = nan ? Double.NaN : sorted.distanceTo(e.distribution()).d();
            Verdict v = nan ? Conformance.check(valuesCOrder, e, p, share)
                    : Conformance.check(valuesCOrder, sorted, e, p, share);
            out.add(new Candidate(e.scheme(), g.subList(1, g.size()).stream().map(Expectation::scheme).toList(), d, v));
        }
        out.sort(Comparator.comparing((Candidate c) -> !c.passed()).thenComparingDouble(Candidate::distance));
        return out;
    }

    static boolean sameLaw(Expectation a, Expectation b) {
        Distribution x = a.distribution();
        Distribution y = b.distribution();
        if (x.family() != y.family() || a.structure() != b.structure()) {
            return false;
        }
        Map<String, Double> px = x.parameters();
        Map<String, Double> py = y.parameters();
        if (!px.keySet().equals(py.keySet())) {
            return false;
        }
        for (Map.Entry<String, Double> e : px.entrySet()) {
            double u = e.getValue();
            double w = py.get(e.getKey());
            if (!(u == w || Math.abs(u - w) <= SAME_LAW_RELATIVE * Math.max(Math.abs(u), Math.abs(w)))) {
                return false;
            }
        }
        return true;
    }
}
