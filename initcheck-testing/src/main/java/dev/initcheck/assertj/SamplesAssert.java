package dev.initcheck.assertj;

import dev.initcheck.check.AlphaBudget;
import dev.initcheck.check.Conformance;
import dev.initcheck.check.Verdict;
import dev.initcheck.distribution.Precision;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Fans;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a tensor's values (C order): {@code withShape(...)} is required, since the law depends on the fans;
 * the layout defaults to {@link Layout#PYTORCH}, the false-alarm probability to {@link AlphaBudget#DEFAULT_TOTAL}.
 * {@link #conformsTo} runs every check of {@link Conformance#check} at that probability; the failure message lists
 * each failed check in words and the probability.
 */
public final class SamplesAssert extends AbstractAssert<SamplesAssert, double[]> {
    private final Precision precision;
    private Shape shape;
    private Layout layout = Layout.PYTORCH;
    private Long fanIn;
    private Long fanOut;
    private double alpha = AlphaBudget.DEFAULT_TOTAL;

    private SamplesAssert(double[] values, Precision precision) {
        super(values, SamplesAssert.class);
        this.precision = precision;
    }

    static SamplesAssert of(double[] values) {
        return new SamplesAssert(values, Precision.FLOAT64);
    }

    static SamplesAssert of(float[] values) {
        double[] d = null;
        if (values != null) {
            d = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                d[i] = values[i];
            }
        }
        return new SamplesAssert(d, Precision.FLOAT32);
    }

    /**
     * The tensor's shape; the values fill it in C (row-major) order.
     *
     * @param dims the dimensions, as {@link Shape#of(long...)}
     * @return this assertion
     * @throws IllegalArgumentException for an invalid shape (rank outside 1..5, a dimension below 1)
     */
    public SamplesAssert withShape(long... dims) {
        return withShape(Shape.of(dims));
    }

    /**
     * The tensor's shape; the values fill it in C (row-major) order. Required: the law depends on the fans.
     *
     * @param s the shape, in the layout of {@link #inLayout}
     * @return this assertion
     */
    public SamplesAssert withShape(Shape s) {
        this.shape = s;
        return myself;
    }

    /**
     * The layout of the shape, which gives the fans.
     *
     * @param l {@link Layout#PYTORCH} {@code [out, in, *k]} (default) or {@link Layout#KERAS} {@code [*k, in, out]}
     * @return this assertion
     */
    public SamplesAssert inLayout(Layout l) {
        this.layout = l;
        return myself;
    }

    /**
     * Overrides the fan_in the layout gives (e.g. transposed convolutions).
     *
     * @param fan fan_in, at least 1 (checked by {@code conformsTo}, which throws IllegalArgumentException)
     * @return this assertion
     */
    public SamplesAssert withFanIn(long fan) {
        this.fanIn = fan;
        return myself;
    }

    /**
     * Overrides the fan_out the layout gives.
     *
     * @param fan fan_out, at least 1 (checked by {@code conformsTo}, which throws IllegalArgumentException)
     * @return this assertion
     */
    public SamplesAssert withFanOut(long fan) {
        this.fanOut = fan;
        return myself;
    }

    /**
     * The probability that this assertion fails although the values do follow the scheme.
     *
     * @param a in (0, 1); default {@link AlphaBudget#DEFAULT_TOTAL} = 1e-6
     * @return this assertion
     * @throws IllegalArgumentException when a is not in (0, 1)
     */
    public SamplesAssert withFalseAlarmProbability(double a) {
        if (!(a > 0 && a < 1)) { // also rejects NaN
            throw new IllegalArgumentException("false-alarm probability must be in (0, 1), got " + a);
        }
        this.alpha = a;
        return myself;
    }

    /**
     * Checks the values against a scheme written in initcheck's grammar.
     *
     * @param scheme e.g. {@code torch.kaiming_normal(mode=fan_out)}
     * @return this assertion, when the values conform
     * @throws dev.initcheck.scheme.SchemeException when the scheme does not parse
     * @throws AssertionError as {@link #conformsTo(Scheme)}
     */
    public SamplesAssert conformsTo(String scheme) {
        return conformsTo(Scheme.parse(scheme));
    }

    /**
     * Runs every check of {@link Conformance#check} against the scheme's law for the shape, layout and fans.
     *
     * @param scheme the declared scheme
     * @return this assertion, when the values conform
     * @throws AssertionError when the values are null, their number differs from the shape's size, or a check
     *     fails (the message lists each failed check and the false-alarm probability)
     * @throws IllegalStateException when {@link #withShape} was not called
     */
    public SamplesAssert conformsTo(Scheme scheme) {
        isNotNull();
        if (shape == null) {
            throw new IllegalStateException("call withShape(...) before conformsTo: the law depends on the fans");
        }
        if (actual.length != shape.size()) {
            failWithMessage("%s", String.format(Locale.ROOT, "Expected %d values for shape %s but got %d",
                    shape.size(), shape, actual.length));
        }
        Expectation e = scheme.resolve(shape, layout, Fans.of(shape, layout).withOverrides(fanIn, fanOut));
        Verdict v = Conformance.check(actual, e, precision, alpha);
        if (!v.passed()) {
            failWithMessage("%s", Messages.samples(v, alpha));
        }
        return myself;
    }
}
