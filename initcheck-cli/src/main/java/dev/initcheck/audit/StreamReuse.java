package dev.initcheck.audit;

import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import dev.initcheck.distribution.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds tensors drawn from a reused random stream: two layers initialized after the same seed hold the same
 * standard draws, scaled and shifted by their own laws, so the first values of one are an affine image of the
 * other's, y<sub>k</sub> = a + b·x<sub>k</sub> (b = σ<sub>y</sub>/σ<sub>x</sub> for normals, the ratio of the bounds
 * for symmetric uniforms, 1 for an exact copy).
 *
 * <p><b>Rule.</b> Each tensor of at least {@value #PREFIX} values contributes its first {@value #PREFIX} values in
 * storage order. For a pair, a and b are fitted through the points at the smallest and the largest x, and the pair
 * is flagged when every value satisfies |y<sub>k</sub> − a − b·x<sub>k</sub>| ≤ 4u·(max|y| + |y<sub>k</sub>|), u the
 * unit roundoff of the coarser of the two stored precisions (2<sup>-8</sup> bfloat16, 2<sup>-11</sup> float16,
 * 2<sup>-24</sup> float32): a reused stream stored in that precision meets it, since each stored value carries a
 * relative error ≤ u and the fitted a, b carry at most 2u·max|y|. Constant prefixes are not compared (equal constants
 * are what zeros and ones declare), nor are tensors declared tied or sharing storage.
 *
 * <p><b>False alarms.</b> For independent tensors each of the {@value #PREFIX} − 2 unfitted values lands in its
 * tolerance band with probability at most 2·8u·max|y|·f<sub>max</sub>, where f<sub>max</sub> is the largest density of
 * y: at most 16u/√(2π)·(max|y|/σ) ≤ 64u for a normal (max|y| ≤ 10σ) and 8u for a symmetric uniform. The
 * probability that an independent pair is flagged is therefore below (64·2<sup>-8</sup>)<sup>30</sup> = 4<sup>-30</sup>
 * ≈ 10<sup>-18</sup>
 * in bfloat16, far below in wider precisions: even over 10<sup>6</sup> pairs the rule spends nothing of the run's
 * false-alarm budget worth counting, so it is a hard check. It misses streams reused at an offset (a layer that
 * starts where another ended) and values transformed non-affinely (e.g. a truncated normal from a normal).
 *
 * <p>Cost: a pair is rejected at its first or second unfitted value almost always, so T tensors cost O(T²) cheap
 * comparisons and {@value #PREFIX} values each of memory.
 */
public final class StreamReuse {
    /** Values compared per tensor. */
    public static final int PREFIX = 32;

    private StreamReuse() {
    }

    /**
     * The first values of one tensor.
     *
     * @param name      the tensor
     * @param values    its first {@value #PREFIX} values in storage order
     * @param precision how it is stored
     */
    public record Prefix(String name, double[] values, Precision precision) {
        boolean constant() {
            for (double v : values) {
                if (v != values[0]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Two tensors whose first values are y = a + b·x. */
    public record Match(String x, String y, double a, double b) {
        /** In words, from the side of {@code other}: "the first 32 values are those of X ×0.354". */
        String describe(String self) {
            String other = self.equals(x) ? y : x;
            double slope = self.equals(x) ? 1 / b : b;
            double shift = self.equals(x) ? -a / b : a;
            String form = slope == 1 && shift == 0 ? "a copy of those of " + other
                    : String.format(Locale.ROOT, "those of %s ×%.6g%s", other, slope, shift == 0 ? ""
                    : String.format(Locale.ROOT, " %+.6g", shift));
            return "reused random stream: its first " + PREFIX + " values are " + form;
        }
    }

    /**
     * Every flagged pair.
     *
     * @param prefixes the tensors' prefixes (tensors with fewer than {@value #PREFIX} values left out)
     * @param exempt   unordered pairs not to compare, as {@code Set.of(a, b)} (declared ties, shared storage)
     */
    public static List<Match> find(List<Prefix> prefixes, Set<Set<String>> exempt) {
        List<Prefix> usable = prefixes.stream().filter(p -> p.values().length == PREFIX && !p.constant()).toList();
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < usable.size(); i++) {
            for (int j = i + 1; j < usable.size(); j++) {
                Prefix p = usable.get(i);
                Prefix q = usable.get(j);
                if (exempt.contains(Set.of(p.name(), q.name()))) {
                    continue;
                }
                double u = Math.max(p.precision().unitRoundoff(), q.precision().unitRoundoff());
                Match m = affine(p, q, u);
                if (m != null) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** y = a + b·x on every value within the tolerance, or null. */
    static Match affine(Prefix px, Prefix py, double u) {
        double[] x = px.values();
        double[] y = py.values();
        int lo = 0;
        int hi = 0;
        double maxY = 0;
        for (int k = 0; k < x.length; k++) {
            lo = x[k] < x[lo] ? k : lo;
            hi = x[k] > x[hi] ? k : hi;
            maxY = Math.max(maxY, Math.abs(y[k]));
        }
        double b = (y[hi] - y[lo]) / (x[hi] - x[lo]);
        double a = y[lo] - b * x[lo];
        if (!(b != 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
            return null;
        }
        for (int k = 0; k < x.length; k++) {
            if (!(Math.abs(y[k] - a - b * x[k]) <= 4 * u * (maxY + Math.abs(y[k])))) {
                return null;
            }
        }
        // a shift within the rounding of the fit is no shift: report the pair as proportional
        return new Match(px.name(), py.name(), Math.abs(a) <= 4 * u * maxY ? 0 : a, b);
    }

    /** The hard check of one tensor: passed, or failed naming the other tensor of each match. */
    static CheckResult check(String self, List<Match> matches) {
        List<Match> mine = matches.stream().filter(m -> m.x().equals(self) || m.y().equals(self)).toList();
        if (mine.isEmpty()) {
            return CheckResult.hard(CheckName.STREAM_REUSE, true, 0, 0, Double.NaN, "its first " + PREFIX
                    + " values are no affine image of another tensor's", Map.<String, Object>of());
        }
        String msg = String.join("; ", mine.stream().map(m -> m.describe(self)).toList());
        List<String> others = mine.stream().map(m -> m.x().equals(self) ? m.y() : m.x()).toList();
        return CheckResult.hard(CheckName.STREAM_REUSE, false, mine.size(), 0, Double.NaN, msg,
                Map.<String, Object>of("with", others));
    }
}
