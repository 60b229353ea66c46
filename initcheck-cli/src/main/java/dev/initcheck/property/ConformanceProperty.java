package dev.initcheck.property;

import dev.initcheck.check.AlphaShare;
import dev.initcheck.check.PooledConformance;
import dev.initcheck.check.Verdict;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.Optional;
import org.quicktheories.core.Gen;

/**
 * The conformance property: for a generated shape and layout, an initializer's tensor passes every check of its
 * declared scheme ({@link PooledConformance}, in initcheck-core, so that the AssertJ/JUnit entry points need no
 * property engine).
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
                                             AlphaShare alpha) {
        return PooledConformance.violation(init, declared, c.shape(), c.layout(), c.seed(), minSamples, alpha);
    }

    /** The failed checks' names and messages, one clause each. */
    static String reason(Verdict v) {
        return PooledConformance.reason(v);
    }
}
