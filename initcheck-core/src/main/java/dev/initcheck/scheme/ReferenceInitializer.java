package dev.initcheck.scheme;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.OrthogonalEntry;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Samples any catalogue scheme exactly: uniform by {@code lower + width·u}, normal by Commons RNG's ziggurat,
 * truncated normal by Commons Statistics' sampler, orthogonal by QR of a Gaussian matrix with the signs of
 * diag(R) fixed (Haar; Mezzadri 2007, as PyTorch {@code orthogonal_}).
 */
public final class ReferenceInitializer implements Initializer {
    private final Scheme scheme;
    private final Layout layout;

    private ReferenceInitializer(Scheme scheme, Layout layout) {
        this.scheme = scheme;
        this.layout = layout;
    }

    /**
     * The reference sampler of a scheme.
     *
     * @param scheme any catalogue scheme
     * @param layout the layout of the shapes it will be given (fans, and the orthogonal 2-D view)
     * @return an initializer drawing exactly from {@code scheme.resolve(shape, layout)}
     */
    public static ReferenceInitializer of(Scheme scheme, Layout layout) {
        return new ReferenceInitializer(scheme, layout);
    }

    /**
     * The reference sampler of a scheme written in the grammar.
     *
     * @param scheme e.g. {@code he_normal}; see {@link Scheme#parse(String)}
     * @param layout the layout of the shapes it will be given
     * @return an initializer drawing exactly from the scheme's law
     * @throws SchemeException when {@code scheme} does not parse
     */
    public static ReferenceInitializer of(String scheme, Layout layout) {
        return of(Scheme.parse(scheme), layout);
    }

    @Override
    public double[] initialize(Shape shape, UniformRandomProvider rng) {
        return sample(scheme.resolve(shape, layout), rng);
    }

    /**
     * Samples {@code e.shape().size()} values (C order) of the expected law: i.i.d. draws, or gain·Q for an
     * orthogonal scheme.
     *
     * @param e the expected law
     * @param rng the source of randomness
     * @return the values
     * @throws IllegalArgumentException when the shape has more than {@code Integer.MAX_VALUE - 8} elements
     */
    public static double[] sample(Expectation e, UniformRandomProvider rng) {
        long n = e.shape().size();
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("shape " + e.shape() + " is too large to sample into one array");
        }
        if (e.structure() == Structure.ORTHOGONAL) {
            return orthogonal(e, rng);
        }
        double[] out = new double[(int) n];
        fill(e.distribution(), out, rng);
        return out;
    }

    /**
     * The values of {@link #sample} rounded to float32 (round to nearest even), as a framework would store them.
     *
     * @param e the expected law
     * @param rng the source of randomness
     * @return the values, C order
     * @throws IllegalArgumentException as {@link #sample}
     */
    public static float[] sampleFloat(Expectation e, UniformRandomProvider rng) {
        double[] d = sample(e, rng);
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    static void fill(Distribution d, double[] out, UniformRandomProvider rng) {
        ContinuousSampler sampler = sampler(d, rng);
        for (int i = 0; i < out.length; i++) {
            out[i] = sampler.sample();
        }
    }

    /**
     * One i.i.d. draw after another from {@code d} ({@link Distribution#sampler}). For tensors too large to hold as
     * doubles, draw them chunk by chunk.
     *
     * @param d the law
     * @param rng the source of randomness
     * @return a sampler of independent draws
     * @throws IllegalArgumentException for a law without i.i.d. entries (orthogonal)
     */
    public static ContinuousSampler sampler(Distribution d, UniformRandomProvider rng) {
        return d.sampler(rng);
    }

    private static double[] orthogonal(Expectation e, UniformRandomProvider rng) {
        long[] rc = e.matrixView();
        int rows = Math.toIntExact(rc[0]);
        int cols = Math.toIntExact(rc[1]);
        boolean transpose = rows < cols;
        int r = transpose ? cols : rows;
        int c = transpose ? rows : cols;
        ContinuousSampler z = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] g = new double[r][c];
        for (double[] row : g) {
            for (int j = 0; j < c; j++) {
                row[j] = z.sample();
            }
        }
        QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(g, false));
        RealMatrix q = qr.getQ();
        RealMatrix rr = qr.getR();
        double gain = ((OrthogonalEntry) e.distribution()).gain();
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int qi = transpose ? j : i; // q is r x r; we need its first c columns
                int qj = transpose ? i : j;
                double sign = Math.signum(rr.getEntry(qj, qj));
                out[i * cols + j] = gain * q.getEntry(qi, qj) * (sign == 0 ? 1 : sign);
            }
        }
        return out;
    }
}
