package dev.initcheck.check;

import dev.initcheck.distribution.Precision;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.scheme.Structure;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.Arrays;
import java.util.Optional;

/**
 * Conformance of an initializer on one shape: its tensor passes every check of its declared scheme.
 *
 * <p>One tensor is checked as it is (structure: duplicates, orthogonality, support). When the shape is small, its
 * marginal law is also checked on a pool of further independent draws for the same shape (each from its own
 * derived stream) until {@code minSamples} values are at hand: the law depends on the shape only through its fans,
 * so pooling keeps the null hypothesis exact and gives every shape the same power. The call's false-alarm share is
 * split equally between the two verdicts. Orthogonal schemes are not pooled (their check is W·Wᵀ = g²·I).
 * Used by the AssertJ and JUnit entry points and by the property runs.
 */
public final class PooledConformance {
    private PooledConformance() {
    }

    /**
     * Why an initializer does not conform on a shape, as data: each failed, inconclusive or not-run check as
     * {@code name: message}, and whether the verdict is the pooled one.
     *
     * @param pooledOver the tensors pooled for the marginal law (0 when the single tensor decided)
     * @param clauses    one {@code name: message} per check that is no evidence of conformance
     */
    public record Violation(int pooledOver, java.util.List<String> clauses) {
        public Violation {
            clauses = java.util.List.copyOf(clauses);
        }

        /** The clauses joined with "; ", prefixed by {@code pooled over k tensors: } for a pooled verdict. */
        @Override
        public String toString() {
            return (pooledOver > 0 ? "pooled over " + pooledOver + " tensors: " : "") + String.join("; ", clauses);
        }
    }

    /**
     * Checks an initializer's tensor of one shape against its declared scheme; as {@link #find}, in words.
     *
     * @param init       the initializer under test
     * @param declared   the scheme it declares
     * @param shape      the weight shape drawn
     * @param layout     the layout the shape is in
     * @param seed       the seed of the draws
     * @param minSamples values to pool for the marginal law when the shape is small
     * @param alpha      the false-alarm share this call may spend
     * @return empty when {@code init} conforms on this shape, else the reason in words
     */
    public static Optional<String> violation(Initializer init, Scheme declared, Shape shape, Layout layout, long seed,
                                             int minSamples, AlphaShare alpha) {
        return find(init, declared, shape, layout, seed, minSamples, alpha).map(Violation::toString);
    }

    /**
     * Checks an initializer's tensor of one shape against its declared scheme.
     *
     * @param init       the initializer under test
     * @param declared   the scheme it declares
     * @param shape      the weight shape drawn
     * @param layout     the layout the shape is in
     * @param seed       the seed of the draws (each draw has its own derived stream)
     * @param minSamples values to pool for the marginal law when the shape is small
     * @param alpha      the false-alarm share this call may spend (halved between the first tensor and the pool
     *                   when the shape is small)
     * @return empty when {@code init} conforms on this shape, else why not
     */
    public static Optional<Violation> find(Initializer init, Scheme declared, Shape shape, Layout layout, long seed,
                                           int minSamples, AlphaShare alpha) {
        SeededRandom root = SeededRandom.of(seed);
        Expectation e = declared.resolve(shape, layout);
        int size = Math.toIntExact(shape.size());
        boolean pool = e.structure() == Structure.IID && e.distribution().variance() > 0 && size < minSamples;
        int k = pool ? (minSamples + size - 1) / size : 1;
        double[] pooled;
        try {
            pooled = Initializer.pool(init, shape, root, "tensor ", k * size);
        } catch (IllegalStateException wrongLength) {
            return Optional.of(new Violation(0, java.util.List.of(wrongLength.getMessage())));
        }
        double[] first = pool ? Arrays.copyOf(pooled, size) : pooled;
        Verdict v = Conformance.check(first, e, Precision.FLOAT64, pool ? alpha.split(2) : alpha, root);
        // a small tensor alone may be inconclusive; it must not fail, and its pool must pass with evidence
        if (v.failed() || (!pool && !v.passed())) {
            return Optional.of(new Violation(0, clauses(v)));
        }
        if (!pool) {
            return Optional.empty();
        }
        Expectation pooledLaw = declared.resolve(Shape.of(pooled.length), layout, e.fans());
        Verdict p = Conformance.check(pooled, pooledLaw, Precision.FLOAT64, alpha.split(2), root);
        return p.passed() ? Optional.empty() : Optional.of(new Violation(k, clauses(p)));
    }

    /** One {@code name: message} per failed, not-run and inconclusive check, in that order. */
    static java.util.List<String> clauses(Verdict v) {
        java.util.List<String> out = new java.util.ArrayList<>();
        v.failures().forEach(f -> out.add(f.name().id() + ": " + f.message()));
        v.notRun().forEach(f -> out.add(f.name().id() + ": " + f.message()));
        v.inconclusive().forEach(f -> out.add(f.name().id() + ": " + f.message()));
        return out;
    }

    /**
     * The failed, not-run and inconclusive checks in words.
     *
     * @param v a verdict
     * @return {@code name: message} clauses joined by {@code "; "}
     */
    public static String reason(Verdict v) {
        return String.join("; ", clauses(v));
    }
}
