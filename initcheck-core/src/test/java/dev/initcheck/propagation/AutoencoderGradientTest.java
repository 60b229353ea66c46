package dev.initcheck.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The tied-weight autoencoder's gradient (decoder and encoder parts of ∂E/∂W, and ∂E/∂b) against central
 * differences of its reconstruction error, step 1e-6: agreement to 1e-6 relative (the O(h²) truncation is ~1e-12,
 * the rounding of E/h ~1e-10).
 */
class AutoencoderGradientTest {
    @Test
    void gradientMatchesFiniteDifferences() {
        DMatrixRMaj x = new DMatrixRMaj(Arrays.copyOf(
                TrainingTask.of(TrainingTask.Kind.TEACHER, 64, SeededRandom.of(2)).inputs(), 16));
        for (Activation f : new Activation[] {Activation.TANH, Activation.SIGMOID}) {
            double[] w = ReferenceInitializer.of("glorot_uniform", Layout.PYTORCH).initialize(Shape.of(6, 20),
                    SeededRandom.of(3).create());
            double[] b = {0.1, -0.2, 0.3, 0, 0.05, -0.1};
            Pretraining.Autoencoder ae = new Pretraining.Autoencoder(DMatrixRMaj.wrap(6, 20, w), b, f);
            Pretraining.Autoencoder.Gradient g = ae.gradient(x);
            double h = 1e-6;
            for (int k = 0; k < w.length; k++) {
                double keep = w[k];
                w[k] = keep + h;
                double up = ae.error(x);
                w[k] = keep - h;
                double down = ae.error(x);
                w[k] = keep;
                double numeric = (up - down) / (2 * h);
                assertThat(g.w().data[k]).as("%s dE/dW[%d]", f, k).isCloseTo(numeric,
                        within(1e-6 * Math.max(1, Math.abs(numeric))));
            }
            for (int k = 0; k < b.length; k++) {
                double keep = b[k];
                b[k] = keep + h;
                double up = ae.error(x);
                b[k] = keep - h;
                double down = ae.error(x);
                b[k] = keep;
                assertThat(g.b()[k]).as("%s dE/db[%d]", f, k).isCloseTo((up - down) / (2 * h), within(1e-6));
            }
        }
    }
}
