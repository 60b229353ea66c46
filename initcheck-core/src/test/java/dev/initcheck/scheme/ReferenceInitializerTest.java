package dev.initcheck.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ReferenceInitializerTest {

    static java.util.List<Scheme> schemes() {
        return Catalogue.defaults();
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void sameSeedSameTensorDifferentSeedDifferentTensor(Scheme s) {
        Shape shape = Shape.of(16, 8, 3);
        ReferenceInitializer init = ReferenceInitializer.of(s, Layout.PYTORCH);
        double[] a = init.initialize(shape, SeededRandom.of(7).create());
        double[] b = init.initialize(shape, SeededRandom.of(7).create());
        double[] c = init.initialize(shape, SeededRandom.of(8).create());
        assertThat(a).hasSize(16 * 8 * 3).containsExactly(b);
        if (s.resolve(shape, Layout.PYTORCH).distribution().variance() > 0) {
            assertThat(a).isNotEqualTo(c);
        }
    }

    /**
     * The sample second moment of n = 2·10^5 draws lies within 6 of its exact standard deviations
     * sigma^2·sqrt((kappa-1)/n) of sigma^2 (Chebyshev bound on a false alarm: 1/36 per scheme; the CLT puts it
     * near 2e-9; fixed seeds make the test deterministic). The statistics package has the sharp tests.
     */
    @ParameterizedTest
    @MethodSource("schemes")
    void samplesHaveTheExpectedSecondMoment(Scheme s) {
        Expectation e = s.resolve(Shape.of(400, 500), Layout.KERAS);
        double[] x = ReferenceInitializer.sample(e, SeededRandom.of(11).derive(s.toString()).create());
        double mean = e.distribution().mean();
        double m2 = 0;
        for (double v : x) {
            m2 += (v - mean) * (v - mean);
        }
        m2 /= x.length;
        double var = e.distribution().variance();
        double sd = var * Math.sqrt((e.distribution().kurtosis() - 1) / x.length);
        assertThat(m2).isCloseTo(var, within(var == 0 ? 0 : 6 * sd));
    }

    @ParameterizedTest
    @CsvSource({"PYTORCH,6,10", "PYTORCH,10,6", "KERAS,6,10", "KERAS,10,6"})
    void orthogonalHasOrthonormalRowsOrColumns(Layout layout, int d0, int d1) {
        Expectation e = Scheme.parse("orthogonal(gain=1.5)").resolve(Shape.of(d0, d1), layout);
        double[] w = ReferenceInitializer.sample(e, SeededRandom.of(3).create());
        int rows = d0;
        int cols = d1;
        boolean byRows = rows <= cols;
        int k = byRows ? rows : cols;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double dot = 0;
                for (int t = 0; t < (byRows ? cols : rows); t++) {
                    dot += byRows ? w[i * cols + t] * w[j * cols + t] : w[t * cols + i] * w[t * cols + j];
                }
                assertThat(dot).isCloseTo(i == j ? 2.25 : 0, within(1e-12)); // double QR: ~1e-15 per entry
            }
        }
    }
}
