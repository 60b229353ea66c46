package dev.initcheck.thirdparty.dl4j;

import java.util.Locale;
import org.deeplearning4j.nn.conf.distribution.OrthogonalDistribution;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Child-JVM entry point: initialises one DL4J dense layer {@code [nIn, nOut]} with
 * {@code .weightInit(new OrthogonalDistribution(1.0))} and the configuration seed given, then prints
 * {@code orthogonality-error E} = max |G - I| over the Gram matrix G of the smaller side (W^T W if nIn >= nOut,
 * else W W^T). Run in its own JVM because the native SVD behind {@code OrthogonalDistribution.sample} can hang or
 * crash the process ({@link OrthogonalProbeTest}).
 *
 * <pre>java -cp TEST_CLASSPATH dev.initcheck.thirdparty.dl4j.OrthogonalProbe nIn nOut seed</pre>
 */
public final class OrthogonalProbe {
    private OrthogonalProbe() {
    }

    public static void main(String[] args) {
        int nIn = Integer.parseInt(args[0]);
        int nOut = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        INDArray w = Dl4jDense.network(b -> b.weightInit(new OrthogonalDistribution(1.0)), nIn, nOut,
                new FixedSeed(seed)).getParam("0_W").castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        INDArray g = nIn >= nOut ? w.transpose().mmul(w) : w.mmul(w.transpose());
        INDArray eye = org.nd4j.linalg.factory.Nd4j.eye(g.rows()).castTo(g.dataType());
        double err = org.nd4j.linalg.ops.transforms.Transforms.abs(g.sub(eye)).maxNumber().doubleValue();
        System.out.printf(Locale.ROOT, "orthogonality-error %.6g%n", err);
    }

    /** A provider whose only use here is the one {@code nextLong()} that becomes the configuration seed. */
    private static final class FixedSeed implements org.apache.commons.rng.UniformRandomProvider {
        private final long seed;

        FixedSeed(long seed) {
            this.seed = seed;
        }

        @Override
        public long nextLong() {
            return seed;
        }
    }
}
