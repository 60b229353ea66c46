package dev.initcheck.property;

import dev.initcheck.check.Conformance;
import dev.initcheck.check.Precision;
import dev.initcheck.check.Verdict;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.scheme.Structure;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.Arrays;
import java.util.Optional;
import org.quicktheories.core.Gen;

/**
 * The conformance property: for a generated shape and layout, an initializer's tensor passes every check of its
 * declared scheme.
 *
 * <p>One tensor is checked as it is (structure: duplicates, orthogonality, support). When the shape is small, its
 * marginal law is also checked on a pool of further independent draws for the same shape (each from its own
 * derived stream) until {@code minSamples} values are at hand: the law depends on the shape only through its fans,
 * so pooling keeps the null hypothesis exact and gives every shape the same power. The try's false-alarm share is
 * split equally between the two verdicts. Orthogonal schemes are not pooled (their check is W·Wᵀ = g²·I).
 */
public final class ConformanceProperty {
    /** One generated example. */
    public record Case(Shape shape, Layout layout, long seed) {
        @Override
        public String toString() {
            return shape + " " + layout.id() + " seed=" + seed;
        }
    }

    private ConformanceProperty() {
    }

    /** Shapes of rank 2–5 (dimensions 1..8, at most {@code maxSize} values), both layouts, seeds. */
    public static Gen<Case> cases(long maxSize) {
        return Generators.shapes(2, 5, 8, maxSize).zip(Generators.layouts(), Generators.seeds(), Case::new)
                .describedAs(Case::toString);
    }

    /** Empty when {@code init} conforms to {@code declared} on this case, else the reason in words. */
    public static Optional<String> violation(Initializer init, Scheme declared, Case c, int minSamples,
                                             double alpha) {
        SeededRandom root = SeededRandom.of(c.seed());
        Expectation e = declared.resolve(c.shape(), c.layout());
        int size = Math.toIntExact(c.shape().size());
        boolean pool = e.structure() == Structure.IID && e.distribution().variance() > 0 && size < minSamples;
        int k = pool ? (minSamples + size - 1) / size : 1;
        double[] pooled;
        try {
            pooled = Initializer.pool(init, c.shape(), root, "tensor ", k * size);
        } catch (IllegalStateException wrongLength) {
            return Optional.of(wrongLength.getMessage());
        }
        double[] first = pool ? Arrays.copyOf(pooled, size) : pooled;
        Verdict v = Conformance.check(first, e, Precision.FLOAT64, pool ? alpha / 2 : alpha, root);
        // a small tensor alone may be inconclusive; it must not fail, and its pool must pass with evidence
        if (v.failed() || (!pool && !v.passed())) {
            return Optional.of(reason(v));
        }
        if (!pool) {
            return Optional.empty();
        }
        Expectation pooledLaw = declared.resolve(Shape.of(pooled.length), c.layout(), e.fans());
        Verdict p = Conformance.check(pooled, pooledLaw, Precision.FLOAT64, alpha / 2, root);
        return p.passed() ? Optional.empty() : Optional.of("pooled over " + k + " tensors: " + reason(p));
    }

    /** The failed checks' names and messages, one clause each. */
    static String reason(Verdict v) {
        StringBuilder b = new StringBuilder();
        v.failures().forEach(f -> b.append(b.length() > 0 ? "; " : "").append(f.name().id()).append(": ")
                .append(f.message()));
        v.notRun().forEach(f -> b.append(b.length() > 0 ? "; " : "").append(f.name().id()).append(": ")
                .append(f.message()));
        v.inconclusive().forEach(f -> b.append(b.length() > 0 ? "; " : "").append(f.name().id()).append(": ")
                .append(f.message()));
        return b.toString();
    }
}
