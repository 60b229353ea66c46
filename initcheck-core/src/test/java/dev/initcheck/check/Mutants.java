package dev.initcheck.check;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Structure;
import java.util.Arrays;

/** Test-only broken initializers: each draws exactly from a law other than the declared one, or breaks independence. */
final class Mutants {
    private Mutants() {
    }

    /** Values drawn from {@code actual} for the declared tensor's shape. */
    static double[] drawFrom(Expectation declared, Distribution actual, SeededRandom seed) {
        Expectation e = new Expectation(declared.scheme(), declared.shape(), declared.layout(), declared.fans(), actual,
                Structure.IID);
        return ReferenceInitializer.sample(e, seed.create());
    }

    /** The declared law scaled by {@code factor} about its mean (zero here), cut-offs included. */
    static double[] scaled(Expectation declared, double factor, SeededRandom seed) {
        return drawFrom(declared, declared.distribution().scaled(factor), seed);
    }

    /** A correct sample whose row {@code to} of the 2-D view is overwritten by row {@code from}. */
    static double[] duplicatedRow(Expectation declared, int from, int to, SeededRandom seed) {
        double[] w = ReferenceInitializer.sample(declared, seed.create());
        int cols = Math.toIntExact(declared.matrixView()[1]);
        System.arraycopy(w, from * cols, w, to * cols, cols);
        return w;
    }

    /** A correct sample whose column {@code to} of the 2-D view is overwritten by column {@code from}. */
    static double[] duplicatedColumn(Expectation declared, int from, int to, SeededRandom seed) {
        double[] w = ReferenceInitializer.sample(declared, seed.create());
        int cols = Math.toIntExact(declared.matrixView()[1]);
        for (int i = 0; i < w.length / cols; i++) {
            w[i * cols + to] = w[i * cols + from];
        }
        return w;
    }

    /** A correct sample, sorted: the right values in a dependent order. */
    static double[] sorted(Expectation declared, SeededRandom seed) {
        double[] w = ReferenceInitializer.sample(declared, seed.create());
        Arrays.sort(w);
        return w;
    }
}
