package dev.initcheck.assertj;

import dev.initcheck.check.AlphaBudget;
import dev.initcheck.property.ConformanceProperty;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an {@link Initializer}: {@code conformsTo(scheme)} names the declared scheme and
 * {@code forShapes(...)} runs the checks (nothing is checked before {@code forShapes}).
 *
 * <p>For each shape the initializer fills one tensor from a stream derived from the seed
 * ({@link #DEFAULT_SEED} unless {@link #withSeed}); that tensor gets every check (structure, support,
 * orthogonality). When it has fewer than {@value #MIN_SAMPLES} values, its marginal law is also checked on further
 * independent draws of the same shape, pooled to {@value #MIN_SAMPLES} values, so a 3×3 kernel is tested with the
 * same power as a large matrix ({@link ConformanceProperty#violation}). The false-alarm probability
 * ({@link AlphaBudget#DEFAULT_TOTAL} unless {@link #withFalseAlarmProbability}) is split equally among the shapes.
 * The same seed gives the same tensors: a failure is replayed by running the assertion again.
 */
public final class InitializerAssert extends AbstractAssert<InitializerAssert, Initializer> {
    /** Seed used unless {@link #withSeed} is called. */
    public static final long DEFAULT_SEED = 20261122L;
    /** Values the marginal law of each shape is checked on (pooled over draws for small shapes). */
    public static final int MIN_SAMPLES = 20_000;

    private Scheme scheme;
    private Layout layout = Layout.PYTORCH;
    private long seed = DEFAULT_SEED;
    private double alpha = AlphaBudget.DEFAULT_TOTAL;

    InitializerAssert(Initializer actual) {
        super(actual, InitializerAssert.class);
    }

    /** The scheme the initializer declares (initcheck's grammar); checked by {@link #forShapes}. */
    public InitializerAssert conformsTo(String declared) {
        return conformsTo(Scheme.parse(declared));
    }

    public InitializerAssert conformsTo(Scheme declared) {
        this.scheme = declared;
        return myself;
    }

    /** The layout the initializer's shapes are in: {@link Layout#PYTORCH} (default) or {@link Layout#KERAS}. */
    public InitializerAssert inLayout(Layout l) {
        this.layout = l;
        return myself;
    }

    public InitializerAssert withSeed(long s) {
        this.seed = s;
        return myself;
    }

    /** The probability that the assertion fails although the initializer is correct; in (0, 1). */
    public InitializerAssert withFalseAlarmProbability(double a) {
        if (!(a > 0 && a < 1)) { // also rejects NaN
            throw new IllegalArgumentException("false-alarm probability must be in (0, 1), got " + a);
        }
        this.alpha = a;
        return myself;
    }

    /** Runs the checks for each shape, e.g. {@code forShapes(Shape.of(256, 512), Shape.of(64, 3, 3, 3))}. */
    public InitializerAssert forShapes(Shape... shapes) {
        isNotNull();
        if (scheme == null) {
            throw new IllegalStateException("call conformsTo(scheme) before forShapes");
        }
        if (shapes.length == 0) {
            throw new IllegalArgumentException("forShapes needs at least one shape");
        }
        double perShape = alpha / shapes.length;
        List<String> failed = new ArrayList<>();
        for (Shape s : shapes) {
            ConformanceProperty.Case c = new ConformanceProperty.Case(s, layout, seed);
            Optional<String> why = ConformanceProperty.violation(actual, scheme, c, MIN_SAMPLES, perShape);
            why.ifPresent(w -> failed.add(String.format(Locale.ROOT, "%n  - shape %s (fan_in=%d, fan_out=%d), "
                            + "expected %s:%n      %s", s, scheme.resolve(s, layout).fans().fanIn(),
                    scheme.resolve(s, layout).fans().fanOut(), scheme.resolve(s, layout).distribution().describe(),
                    String.join(String.format(Locale.ROOT, "%n      "), Messages.clauses(w)))));
        }
        if (!failed.isEmpty()) {
            failWithMessage("%s", String.format(Locale.ROOT, "%nExpected initializer %s to conform to %s (%s layout) "
                            + "on %d shape%s, but it failed on %d:%s%n(seed %d, %s; false-alarm probability of this "
                            + "assertion: %.3g; replay with withSeed(%d))", Messages.name(actual), scheme, layout.id(), shapes.length,
                    shapes.length == 1 ? "" : "s", failed.size(), String.join("", failed), seed,
                    SeededRandom.DEFAULT_SOURCE, alpha, seed));
        }
        return myself;
    }

    /** {@link #forShapes(Shape...)} with shapes written as dimension arrays. */
    public InitializerAssert forShapes(long[]... shapes) {
        Shape[] s = new Shape[shapes.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Shape.of(shapes[i]);
        }
        return forShapes(s);
    }
}
