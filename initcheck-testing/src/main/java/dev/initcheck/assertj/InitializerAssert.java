package dev.initcheck.assertj;

import dev.initcheck.check.AlphaShare;
import dev.initcheck.check.AlphaBudget;
import dev.initcheck.check.PooledConformance;
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
 * Assertions on an {@link Initializer}: options first, then {@code conformsTo(scheme)}, which runs the checks.
 *
 * <pre>{@code
 * assertThat(init).conformsTo("he_uniform");                                  // the default shapes
 * assertThat(init).withSeed(7).forShapes(Shape.of(256, 512)).conformsTo("he_uniform");
 * }</pre>
 *
 * <p>{@code conformsTo} checks the shapes given to {@link #forShapes} before it or, without them, the
 * {@linkplain #defaultShapes default shapes} of the layout: a dense and a convolution weight. Options set after
 * {@code conformsTo} would change nothing, since it has already run: they throw {@link IllegalStateException}, so an
 * assertion never silently checks something other than what it reads like.
 *
 * <p>For each shape the initializer fills one tensor from a stream derived from the seed
 * ({@link #DEFAULT_SEED} unless {@link #withSeed}); that tensor gets every check (structure, support,
 * orthogonality). When it has fewer than {@value #MIN_SAMPLES} values, its marginal law is also checked on further
 * independent draws of the same shape, pooled to {@value #MIN_SAMPLES} values, so a 3×3 kernel is tested with the
 * same power as a large matrix ({@link PooledConformance#violation}). The false-alarm probability
 * ({@link AlphaBudget#DEFAULT_TOTAL} unless {@link #withFalseAlarmProbability}) is split equally among the shapes.
 * The same seed gives the same tensors: a failure is replayed by running the assertion again.
 */
public final class InitializerAssert extends AbstractAssert<InitializerAssert, Initializer> {
    /** Seed used unless {@link #withSeed} is called. */
    public static final long DEFAULT_SEED = 20261122L;
    /** Values the marginal law of each shape is checked on (pooled over draws for small shapes). */
    public static final int MIN_SAMPLES = 20_000;

    private Layout layout = Layout.PYTORCH;
    private long seed = DEFAULT_SEED;
    private double alpha = AlphaBudget.DEFAULT_TOTAL;
    private Shape[] shapes;
    private boolean ran;

    InitializerAssert(Initializer actual) {
        super(actual, InitializerAssert.class);
    }

    /**
     * The shapes {@code conformsTo} checks when {@link #forShapes} is not called: a dense weight and a 3×3
     * convolution weight, {@code [256, 512]} and {@code [64, 32, 3, 3]} in PyTorch layout ([out, in, *k]),
     * {@code [512, 256]} and {@code [3, 3, 32, 64]} in Keras layout ([*k, in, out]): fan_in 512 and 288.
     *
     * @param layout the layout of the shapes
     * @return the two shapes, dense first
     */
    public static List<Shape> defaultShapes(Layout layout) {
        return layout == Layout.KERAS ? List.of(Shape.of(512, 256), Shape.of(3, 3, 32, 64))
                : List.of(Shape.of(256, 512), Shape.of(64, 32, 3, 3));
    }

    /**
     * Checks the initializer against the scheme it declares (initcheck's grammar) on the shapes given to
     * {@link #forShapes}, or on the {@linkplain #defaultShapes default shapes} of the layout.
     *
     * @param declared the scheme, e.g. {@code he_uniform}
     * @return this assertion, when the initializer conforms on every shape
     * @throws dev.initcheck.scheme.SchemeException when the scheme does not parse
     * @throws AssertionError when a shape fails; the message names each shape, its fans, the expected law, the
     *     failed checks, the seed to replay with and the false-alarm probability
     */
    public InitializerAssert conformsTo(String declared) {
        return conformsTo(Scheme.parse(declared));
    }

    /**
     * As {@link #conformsTo(String)}, with a parsed scheme.
     *
     * @param declared the scheme
     * @return this assertion, when the initializer conforms on every shape
     * @throws AssertionError as {@link #conformsTo(String)}
     */
    public InitializerAssert conformsTo(Scheme declared) {
        isNotNull();
        check(declared, shapes != null ? List.of(shapes) : defaultShapes(layout), shapes == null);
        ran = true;
        return myself;
    }

    /**
     * The layout the initializer's shapes are in, which gives the fans and the default shapes.
     *
     * @param l {@link Layout#PYTORCH} (default) or {@link Layout#KERAS}
     * @return this assertion
     * @throws IllegalStateException after {@code conformsTo}
     */
    public InitializerAssert inLayout(Layout l) {
        notAfterConformsTo("inLayout");
        this.layout = l;
        return myself;
    }

    /**
     * The seed of the streams the tensors are drawn from; the same seed gives the same tensors.
     *
     * @param s any long; default {@link #DEFAULT_SEED}
     * @return this assertion
     * @throws IllegalStateException after {@code conformsTo}
     */
    public InitializerAssert withSeed(long s) {
        notAfterConformsTo("withSeed");
        this.seed = s;
        return myself;
    }

    /**
     * The probability that the assertion fails although the initializer is correct, split equally among the shapes.
     *
     * @param a in (0, 1); default {@link AlphaBudget#DEFAULT_TOTAL} = 1e-6
     * @return this assertion
     * @throws IllegalArgumentException when a is not in (0, 1)
     * @throws IllegalStateException after {@code conformsTo}
     */
    public InitializerAssert withFalseAlarmProbability(double a) {
        notAfterConformsTo("withFalseAlarmProbability");
        if (!(a > 0 && a < 1)) { // also rejects NaN
            throw new IllegalArgumentException("false-alarm probability must be in (0, 1), got " + a);
        }
        this.alpha = a;
        return myself;
    }

    /**
     * The shapes {@code conformsTo} checks instead of the default ones, e.g.
     * {@code forShapes(Shape.of(256, 512), Shape.of(64, 3, 3, 3))}.
     *
     * @param shapes one or more shapes, in the layout of {@link #inLayout}
     * @return this assertion
     * @throws IllegalArgumentException when no shape is given
     * @throws IllegalStateException after {@code conformsTo}
     */
    public InitializerAssert forShapes(Shape... shapes) {
        notAfterConformsTo("forShapes");
        if (shapes.length == 0) {
            throw new IllegalArgumentException("forShapes needs at least one shape");
        }
        this.shapes = shapes.clone();
        return myself;
    }

    /**
     * {@link #forShapes(Shape...)} with shapes written as dimension arrays, e.g.
     * {@code forShapes(new long[] {256, 512})}.
     *
     * @param shapes one or more dimension arrays, as {@link Shape#of(long...)}
     * @return this assertion
     * @throws IllegalArgumentException when no shape is given or one is invalid
     * @throws IllegalStateException after {@code conformsTo}
     */
    public InitializerAssert forShapes(long[]... shapes) {
        Shape[] s = new Shape[shapes.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Shape.of(shapes[i]);
        }
        return forShapes(s);
    }

    private void notAfterConformsTo(String option) {
        if (ran) {
            throw new IllegalStateException(option + "(...) after conformsTo(...) would change nothing: conformsTo "
                    + "has already run the checks; call " + option + " before conformsTo");
        }
    }

    private void check(Scheme scheme, List<Shape> checked, boolean defaults) {
        AlphaShare perShape = AlphaBudget.of(alpha, checked.size()).tensorShare();
        List<String> failed = new ArrayList<>();
        for (Shape s : checked) {
            Optional<PooledConformance.Violation> why = PooledConformance.find(actual, scheme, s, layout, seed,
                    MIN_SAMPLES, perShape);
            why.ifPresent(w -> failed.add(String.format(Locale.ROOT, "%n  - shape %s (fan_in=%d, fan_out=%d), "
                            + "expected %s:%n      %s", s, scheme.resolve(s, layout).fans().fanIn(),
                    scheme.resolve(s, layout).fans().fanOut(), scheme.resolve(s, layout).distribution().describe(),
                    (w.pooledOver() > 0 ? "pooled over " + w.pooledOver() + " tensors: " : "")
                            + String.join(String.format(Locale.ROOT, "%n      "), w.clauses()))));
        }
        if (!failed.isEmpty()) {
            failWithMessage("%s", String.format(Locale.ROOT, "%nExpected initializer %s to conform to %s (%s layout) "
                            + "on %d %sshape%s, but it failed on %d:%s%n(seed %d, %s; false-alarm probability of this "
                            + "assertion: %.3g; replay with withSeed(%d))", Messages.name(actual), scheme, layout.id(),
                    checked.size(), defaults ? "default " : "", checked.size() == 1 ? "" : "s", failed.size(),
                    String.join("", failed), seed, SeededRandom.DEFAULT_SOURCE, alpha, seed));
        }
    }

}
