package dev.initcheck.propagation;

import dev.initcheck.random.SeededRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A fixed synthetic regression task: inputs x ~ N(0, I_d), targets t_o = sin(a_o·x) with a_o ~ N(0, I_d/d)
 * (so a_o·x has unit variance), drawn from {@code random.derive("task/inputs")} and {@code "task/directions"}.
 */
public record RegressionTask(double[][] inputs, double[][] targets) {

    public static RegressionTask of(int inputs, int outputs, int samples, SeededRandom random) {
        if (inputs < 1 || outputs < 1 || samples < 1) {
            throw new IllegalArgumentException("inputs, outputs and samples must be >= 1, got " + inputs + ", "
                    + outputs + ", " + samples);
        }
        double[][] a = gaussian(outputs, inputs, 1 / Math.sqrt(inputs), random.derive("task/directions").create());
        double[][] x = gaussian(samples, inputs, 1, random.derive("task/inputs").create());
        double[][] t = new double[samples][outputs];
        for (int b = 0; b < samples; b++) {
            for (int o = 0; o < outputs; o++) {
                double s = 0;
                for (int i = 0; i < inputs; i++) {
                    s += a[o][i] * x[b][i];
                }
                t[b][o] = Math.sin(s);
            }
        }
        return new RegressionTask(x, t);
    }

    int samples() {
        return inputs.length;
    }

    /** A rows × cols matrix of i.i.d. N(0, sd²) entries from {@code rng} (ziggurat). */
    static double[][] gaussian(int rows, int cols, double sd, UniformRandomProvider rng) {
        ContinuousSampler z = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = sd * z.sample();
            }
        }
        return m;
    }
}
