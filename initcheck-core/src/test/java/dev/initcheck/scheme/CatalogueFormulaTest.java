package dev.initcheck.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Family;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scheme's variance, bound and family recomputed by hand from the frameworks' formulas (ANCHORS §1) for
 * dense and convolution shapes in both layouts. fan_in/fan_out are written out here, not taken from the code.
 */
class CatalogueFormulaTest {
    /** The Keras constant is given to 17 digits, so truncated variances match to ~1e-15 relative. */
    private static final double REL = 1e-12;
    private static final double TN_VAR_FACTOR = 0.7737413035499232; // E[X^2] of N(0,1) cut at ±2 (ANCHORS §3)
    private static final double CORRECTION = 0.87962566103423978;

    /** Shapes with their hand-computed fans: dense 512->256, conv 32->64 3x3, conv1d 8->16 k=5. */
    record Case(Shape shape, Layout layout, double fanIn, double fanOut) {
    }

    static List<Case> cases() {
        return List.of(
                new Case(Shape.of(256, 512), Layout.PYTORCH, 512, 256),
                new Case(Shape.of(512, 256), Layout.KERAS, 512, 256),
                new Case(Shape.of(64, 32, 3, 3), Layout.PYTORCH, 32 * 9, 64 * 9),
                new Case(Shape.of(3, 3, 32, 64), Layout.KERAS, 32 * 9, 64 * 9),
                new Case(Shape.of(16, 8, 5), Layout.PYTORCH, 40, 80));
    }

    /** scheme, family, expected variance, expected bound (NaN when unbounded). */
    record Expected(String scheme, Family family, double variance, double bound) {
    }

    static List<Expected> expectations(double fi, double fo) {
        double avg = (fi + fo) / 2;
        return List.of(
                new Expected("glorot_uniform", Family.UNIFORM, 2 / (fi + fo), Math.sqrt(6 / (fi + fo))),
                new Expected("glorot_normal", Family.TRUNCATED_NORMAL, 2 / (fi + fo), 2 * Math.sqrt(1 / avg) / CORRECTION),
                new Expected("he_uniform", Family.UNIFORM, 2 / fi, Math.sqrt(6 / fi)),
                new Expected("he_normal", Family.TRUNCATED_NORMAL, 2 / fi, 2 * Math.sqrt(2 / fi) / CORRECTION),
                new Expected("lecun_uniform", Family.UNIFORM, 1 / fi, Math.sqrt(3 / fi)),
                new Expected("lecun_normal", Family.TRUNCATED_NORMAL, 1 / fi, 2 * Math.sqrt(1 / fi) / CORRECTION),
                new Expected("variance_scaling(scale=2,mode=fan_out,distribution=uniform)", Family.UNIFORM, 2 / fo,
                        Math.sqrt(6 / fo)),
                new Expected("variance_scaling(scale=0.5,mode=fan_avg,distribution=untruncated_normal)", Family.NORMAL,
                        0.5 / avg, Double.NaN),
                new Expected("variance_scaling(distribution=normal)", Family.TRUNCATED_NORMAL, 1 / fi,
                        2 * Math.sqrt(1 / fi) / CORRECTION),
                new Expected("torch.xavier_uniform", Family.UNIFORM, 2 / (fi + fo), Math.sqrt(6 / (fi + fo))),
                new Expected("torch.xavier_uniform(gain=1.6666666666666667)", Family.UNIFORM,
                        25.0 / 9 * 2 / (fi + fo), 5.0 / 3 * Math.sqrt(6 / (fi + fo))),
                new Expected("torch.xavier_normal", Family.NORMAL, 2 / (fi + fo), Double.NaN),
                new Expected("torch.kaiming_uniform", Family.UNIFORM, 2 / fi, Math.sqrt(6 / fi)),
                new Expected("torch.kaiming_uniform(mode=fan_out,nonlinearity=relu)", Family.UNIFORM, 2 / fo, Math.sqrt(6 / fo)),
                new Expected("torch.kaiming_uniform(a=2.23606797749979)", Family.UNIFORM, 1 / (3 * fi), 1 / Math.sqrt(fi)),
                new Expected("torch.kaiming_normal", Family.NORMAL, 2 / fi, Double.NaN),
                new Expected("torch.kaiming_normal(nonlinearity=tanh)", Family.NORMAL, 25.0 / 9 / fi, Double.NaN),
                new Expected("torch.kaiming_normal(nonlinearity=selu)", Family.NORMAL, 9.0 / 16 / fi, Double.NaN),
                new Expected("torch.kaiming_normal(nonlinearity=linear)", Family.NORMAL, 1 / fi, Double.NaN),
                new Expected("torch.kaiming_normal(a=0.2)", Family.NORMAL, 2 / (1 + 0.04) / fi, Double.NaN),
                new Expected("torch.linear_default", Family.UNIFORM, 1 / (3 * fi), 1 / Math.sqrt(fi)),
                new Expected("small_random", Family.NORMAL, 1e-4, Double.NaN),
                new Expected("large_random", Family.NORMAL, 1, Double.NaN),
                new Expected("truncated_normal(stddev=0.1)", Family.TRUNCATED_NORMAL, 0.01 * TN_VAR_FACTOR, 0.2),
                new Expected("uniform(limit=0.3)", Family.UNIFORM, 0.09 / 3, 0.3),
                new Expected("zeros", Family.POINT_MASS, 0, 0),
                new Expected("constant(value=0.5)", Family.POINT_MASS, 0, 0.5));
    }

    static Stream<Arguments> all() {
        return cases().stream().flatMap(c -> expectations(c.fanIn(), c.fanOut()).stream().map(e -> Arguments.of(c, e)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("all")
    void varianceBoundAndFamilyMatchTheFrameworkFormula(Case c, Expected e) {
        Distribution d = Scheme.parse(e.scheme()).resolve(c.shape(), c.layout()).distribution();
        assertThat(d.family()).isEqualTo(e.family());
        assertThat(d.variance()).isCloseTo(e.variance(), within(Math.abs(e.variance()) * REL + 1e-300));
        if (Double.isNaN(e.bound())) {
            assertThat(d.isBounded()).isFalse();
        } else {
            double bound = Math.max(Math.abs(d.lowerBound()), Math.abs(d.upperBound()));
            assertThat(bound).isCloseTo(e.bound(), within(e.bound() * REL + 1e-300));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void torchXavierNormalIsUntruncatedWhileKerasGlorotNormalIsTruncated(Case c) {
        Distribution torch = Scheme.parse("torch.xavier_normal").resolve(c.shape(), c.layout()).distribution();
        Distribution keras = Scheme.parse("glorot_normal").resolve(c.shape(), c.layout()).distribution();
        assertThat(torch.variance()).isCloseTo(keras.variance(), within(keras.variance() * REL));
        assertThat(torch.isBounded()).isFalse();
        assertThat(keras.isBounded()).isTrue();
        assertThat(keras.kurtosis()).isCloseTo(2.36553671712964951, within(1e-12));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void torchTruncNormalUsesAbsoluteCutOffsAndNoCorrection(Case c) {
        // std = 0.02 with the default a = -2, b = 2: the cut-offs sit 100 sd away and truncate nothing (timm #1286).
        Distribution d = Scheme.parse("torch.trunc_normal(std=0.02)").resolve(c.shape(), c.layout()).distribution();
        assertThat(d.lowerBound()).isEqualTo(-2.0);
        assertThat(d.upperBound()).isEqualTo(2.0);
        assertThat(d.variance()).isCloseTo(0.0004, within(0.0004 * REL));
        Distribution unit = Scheme.parse("torch.trunc_normal").resolve(c.shape(), c.layout()).distribution();
        assertThat(unit.variance()).isCloseTo(TN_VAR_FACTOR, within(REL));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void orthogonalEntryVarianceUsesTheLayoutsMatrixView(Case c) {
        Expectation e = Scheme.parse("orthogonal(gain=2)").resolve(c.shape(), c.layout());
        long rows = c.layout() == Layout.PYTORCH ? c.shape().dim(0) : c.shape().size() / c.shape().dim(c.shape().rank() - 1);
        long cols = c.shape().size() / rows;
        assertThat(e.structure()).isEqualTo(Structure.ORTHOGONAL);
        assertThat(e.distribution().variance()).isCloseTo(4.0 / Math.max(rows, cols), within(1e-15));
    }
}
