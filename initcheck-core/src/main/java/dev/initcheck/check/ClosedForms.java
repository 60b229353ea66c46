package dev.initcheck.check;

import dev.initcheck.check.FamilyFit.Estimate;
import dev.initcheck.check.FamilyFit.Interval;
import dev.initcheck.check.FamilyFit.Kind;
import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.TruncatedNormal;
import dev.initcheck.shape.Fans;
import dev.initcheck.shape.Shape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names the closed form a fitted scale parameter matches: the first form, in this order, whose value lies in the
 * parameter's {@link Interval} (about 3 standard errors, one-sided for an edge, widened by half a cell of the stored
 * format):
 * <ol>
 *   <li>the family's own initializers, each with the scheme that states it: uniform 1/sqrt(fan_in) (torch's
 *       nn.Linear/ConvNd default), sqrt(6/(fan_in+fan_out)) (Glorot), sqrt(6/fan_in) (He), sqrt(3/fan_in) (LeCun),
 *       sqrt(6/fan_out); normal sqrt(2/(fan_in+fan_out)), sqrt(2/fan_in), 1/sqrt(fan_in), sqrt(2/fan_out); Keras'
 *       truncated normal sqrt(s)/0.87962566 with s = 2/(fan_in+fan_out), 2/fan_in, 1/fan_in (glorot_normal,
 *       he_normal, lecun_normal: the parent sd that makes the variance s). They come first because a value may
 *       have two spellings: He normal sqrt(2/512) is also 1/sqrt(256) = 1/sqrt(fan_out);</li>
 *   <li>1/sqrt(k) for k = fan_in, fan_out, each dimension of the shape, each product of two or more adjacent
 *       dimensions (e.g. in·kh·kw);</li>
 *   <li>the Glorot/He/LeCun formulas above and sqrt(3/fan_out), whatever the family;</li>
 *   <li>a round value d·10^j, one significant digit (0.02 of GPT-2/BERT, 0.01, 0.05 of Keras, 0.1, 1), the one
 *       nearest the estimate;</li>
 *   <li>uniform bounds only: 1/sqrt(k) for any integer k &lt;= 2^20 (the sibling weight's fan_in of a torch bias,
 *       1/sqrt(hidden) of torch RNNs), when the interval holds integers within 10% of each other; among several,
 *       the simplest (smallest m with k = m·2^j or m·10^j: 768 = 3·2^8, 300 = 3·10^2), then the nearest.</li>
 * </ol>
 * Round values come before arbitrary integers since 0.02 = 1/sqrt(2500); an arbitrary k is tried for uniform bounds
 * only, where the fit is precise to O(1/n) (a normal's sd, precise to 1/sqrt(2n), would match some k by chance). The
 * asymmetric uniform's ends are recognized when both are 0 or round.
 */
final class ClosedForms {
    /** The largest integer tried for 1/sqrt(k). */
    static final long MAX_K = 1L << 20;
    /** An integer search whose interval spans more than this relative width of k names nothing. */
    static final double MAX_K_WIDTH = 0.10;

    private ClosedForms() {
    }

    /** A recognized closed form: what it is in words, and the scheme that states it. */
    record Match(String label, String scheme) {
    }

    private record Form(String label, double value, String catalogueScheme) {
    }

    /**
     * The closed form of {@code e}'s parameters, or null. Each interval is widened by half a cell of the stored
     * format {@code p} at its ends: a framework that samples in bfloat16 computes the bound in bfloat16 first (torch
     * {@code uniform_(-b, b)} on a bf16 tensor draws from U(±bf16(b)): sqrt(6/380) = 0.12566 becomes 0.12598).
     */
    static Match recognize(Estimate e, Shape shape, Fans fans, Precision p) {
        List<Interval> widened = e.intervals().stream().map(i -> new Interval(i.key(), i.value(), i.se(),
                i.lo() - p.ulp(i.lo()) / 2, i.hi() + p.ulp(i.hi()) / 2)).toList();
        return recognize(new Estimate(e.kind(), e.scheme(), widened, e.text(), e.notes()), shape, fans);
    }

    private static Match recognize(Estimate e, Shape shape, Fans fans) {
        if (!e.symmetric()) {
            return e.kind() == Kind.UNIFORM ? uniformEnds(e) : normalWithMean(e, shape, fans);
        }
        Interval x = e.intervals().get(0);
        for (Form f : forms(e.kind(), shape, fans)) {
            if (x.contains(f.value())) {
                return new Match(f.label(), f.catalogueScheme() != null ? f.catalogueScheme()
                        : numeric(e.kind(), Fmt.exact(f.value())));
            }
        }
        BigDecimal round = round(x, false);
        if (round != null) {
            return new Match(round.toPlainString(), numeric(e.kind(), round.toPlainString()));
        }
        if (e.kind() == Kind.UNIFORM) {
            long k = integer(x);
            if (k > 0) {
                return new Match("1/√" + k, numeric(e.kind(), Fmt.exact(1 / Math.sqrt(k))));
            }
        }
        return null;
    }

    private static Match normalWithMean(Estimate e, Shape shape, Fans fans) {
        Interval sd = e.intervals().get(0);
        Estimate zeroMean = new Estimate(e.kind(), e.scheme(), List.of(sd), e.text(), e.notes());
        Match m = recognize(zeroMean, shape, fans);
        if (m == null) {
            return null;
        }
        String mean = Fmt.schemeNumber(e.intervals().get(1).value(), e.intervals().get(1).se(),
                java.math.RoundingMode.HALF_EVEN);
        String stddev = m.scheme().replaceAll("^normal\\(stddev=([^,)]*)\\)$", "$1");
        return stddev.equals(m.scheme()) ? new Match(m.label(), null)
                : new Match(m.label(), "normal(stddev=" + stddev + ",mean=" + mean + ")");
    }

    private static Match uniformEnds(Estimate e) {
        BigDecimal a = round(e.intervals().get(0), true);
        BigDecimal b = round(e.intervals().get(1), true);
        if (a == null || b == null || a.compareTo(b) >= 0) {
            return null;
        }
        return new Match("[" + a.toPlainString() + ", " + b.toPlainString() + "]", "uniform(min="
                + a.toPlainString() + ",max=" + b.toPlainString() + ")");
    }

    private static String numeric(Kind kind, String v) {
        return switch (kind) {
            case NORMAL -> "normal(stddev=" + v + ")";
            case UNIFORM -> "uniform(limit=" + v + ")";
            case KERAS_TRUNCATED -> "truncated_normal(stddev=" + v + ")";
            case TORCH_TRUNCATED -> "torch.trunc_normal(std=" + v + ")";
        };
    }

    private static List<Form> forms(Kind kind, Shape shape, Fans fans) {
        long fi = fans.fanIn();
        long fo = fans.fanOut();
        String rootFanIn = "1/√" + fi + " (1/√fan_in)";
        List<Form> out = new ArrayList<>(switch (kind) {
            case UNIFORM -> List.of(new Form(rootFanIn, 1 / Math.sqrt(fi), "torch.linear_default"),
                    formula("√(6/(fan_in+fan_out))", 6, fi + fo, "Glorot/Xavier uniform", "glorot_uniform"),
                    formula("√(6/fan_in)", 6, fi, "He/Kaiming uniform", "he_uniform"),
                    formula("√(3/fan_in)", 3, fi, "LeCun uniform", "lecun_uniform"),
                    formula("√(6/fan_out)", 6, fo, "He/Kaiming uniform, mode fan_out",
                            "torch.kaiming_uniform(mode=fan_out,nonlinearity=relu)"));
            case NORMAL -> List.of(formula("√(2/(fan_in+fan_out))", 2, fi + fo, "Glorot/Xavier normal",
                            "torch.xavier_normal"),
                    formula("√(2/fan_in)", 2, fi, "He/Kaiming normal", "torch.kaiming_normal(nonlinearity=relu)"),
                    new Form(rootFanIn, 1 / Math.sqrt(fi), "torch.kaiming_normal(nonlinearity=linear)"),
                    formula("√(2/fan_out)", 2, fo, "He/Kaiming normal, mode fan_out",
                            "torch.kaiming_normal(mode=fan_out,nonlinearity=relu)"));
            case KERAS_TRUNCATED -> List.of(
                    corrected("√(2/(fan_in+fan_out))/0.8796 = √(2/%d)/0.8796, Keras glorot_normal", 2, fi + fo,
                            "glorot_normal"),
                    corrected("√(2/fan_in)/0.8796 = √(2/%d)/0.8796, Keras he_normal", 2, fi, "he_normal"),
                    corrected("1/√fan_in/0.8796 = 1/√%d/0.8796, Keras lecun_normal", 1, fi, "lecun_normal"));
            case TORCH_TRUNCATED -> List.of();
        });
        for (Map.Entry<Long, String> k : shapeIntegers(shape, fans).entrySet()) {
            out.add(new Form("1/√" + k.getKey() + " (1/√" + k.getValue() + ")", 1 / Math.sqrt(k.getKey()), null));
        }
        out.add(formula("√(6/(fan_in+fan_out))", 6, fi + fo, "Glorot/Xavier uniform", null));
        out.add(formula("√(2/(fan_in+fan_out))", 2, fi + fo, "Glorot/Xavier normal", null));
        out.add(formula("√(6/fan_in)", 6, fi, "He/Kaiming uniform", null));
        out.add(formula("√(2/fan_in)", 2, fi, "He/Kaiming normal", null));
        out.add(formula("√(3/fan_in)", 3, fi, "LeCun uniform", null));
        out.add(formula("√(6/fan_out)", 6, fo, "He/Kaiming uniform, mode fan_out", null));
        out.add(formula("√(2/fan_out)", 2, fo, "He/Kaiming normal, mode fan_out", null));
        out.add(formula("√(3/fan_out)", 3, fo, "LeCun uniform, mode fan_out", null));
        return out;
    }

    private static Form corrected(String label, int numerator, long denominator, String scheme) {
        return new Form(String.format(Locale.ROOT, label, denominator),
                Math.sqrt((double) numerator / denominator) / TruncatedNormal.KERAS_CORRECTION, scheme);
    }

    /** {@code √(6/(fan_in+fan_out)) = √(6/500), Glorot/Xavier uniform}. */
    private static Form formula(String name, int numerator, long denominator, String who, String scheme) {
        return new Form(String.format(Locale.ROOT, "%s = √(%d/%d), %s", name, numerator, denominator, who),
                Math.sqrt((double) numerator / denominator), scheme);
    }

    /** fan_in, fan_out, each dimension, each product of adjacent dimensions; first name wins. */
    static Map<Long, String> shapeIntegers(Shape shape, Fans fans) {
        Map<Long, String> k = new LinkedHashMap<>();
        k.putIfAbsent(fans.fanIn(), "fan_in");
        k.putIfAbsent(fans.fanOut(), "fan_out");
        int r = shape.rank();
        for (int i = 0; i < r; i++) {
            k.putIfAbsent(shape.dim(i), "shape[" + i + "]");
        }
        for (int len = 2; len <= r; len++) {
            for (int i = 0; i + len <= r; i++) {
                long prod = 1;
                StringBuilder name = new StringBuilder("(");
                for (int j = i; j < i + len; j++) {
                    prod *= shape.dim(j);
                    name.append(j > i ? "·" : "").append("shape[").append(j).append(']');
                }
                k.putIfAbsent(prod, name.append(')').toString());
            }
        }
        return k;
    }

    /**
     * The one-significant-digit decimal d·10^j in the interval nearest its estimate, or null; with
     * {@code zero}, 0 when the interval holds it.
     */
    static BigDecimal round(Interval x, boolean zero) {
        if (zero && x.contains(0)) {
            return BigDecimal.ZERO;
        }
        if (!(x.lo() > 0 || x.hi() < 0)) {
            return null;
        }
        double sign = x.hi() < 0 ? -1 : 1;
        double lo = Math.min(sign * x.lo(), sign * x.hi());
        double hi = Math.max(sign * x.lo(), sign * x.hi());
        BigDecimal best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int exp = (int) Math.floor(Math.log10(lo)) - 1; exp <= (int) Math.floor(Math.log10(hi)) + 1; exp++) {
            for (int d = 1; d <= 9; d++) {
                BigDecimal v = BigDecimal.valueOf(d).scaleByPowerOfTen(exp);
                double dv = v.doubleValue();
                double distance = Math.abs(dv - sign * x.value());
                if (dv >= lo && dv <= hi && distance < bestDistance) {
                    best = v;
                    bestDistance = distance;
                }
            }
        }
        return best == null ? null : sign < 0 ? best.negate() : best;
    }

    /** The integer k &lt;= 2^20 with 1/sqrt(k) in the interval, simplest first; 0 when none or too many. */
    static long integer(Interval x) {
        if (!(x.lo() > 0)) {
            return 0;
        }
        double kLo = Math.ceil(1 / (x.hi() * x.hi()));
        double kHi = Math.floor(1 / (x.lo() * x.lo()));
        if (!(kLo <= kHi) || kLo > MAX_K || (kHi - kLo) > MAX_K_WIDTH * kLo) {
            return 0;
        }
        double target = 1 / (x.value() * x.value());
        long best = 0;
        for (long k = Math.max(1, (long) kLo); k <= Math.min(MAX_K, (long) kHi); k++) {
            if (!x.contains(1 / Math.sqrt(k))) {
                continue;
            }
            if (best == 0 || simplicity(k) < simplicity(best)
                    || simplicity(k) == simplicity(best) && Math.abs(k - target) < Math.abs(best - target)) {
                best = k;
            }
        }
        return best;
    }

    /** The smallest m with k = m·2^j or k = m·10^j. */
    static long simplicity(long k) {
        long binary = k >> Long.numberOfTrailingZeros(k);
        long decimal = k;
        while (decimal % 10 == 0) {
            decimal /= 10;
        }
        return Math.min(binary, decimal);
    }
}
