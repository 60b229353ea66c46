package dev.initcheck.report;

import java.util.List;

/**
 * Symmetry under training: the maximum distance between the incoming weight vectors of the hidden units of each
 * hidden layer, before and after every gradient step.
 *
 * @param widths       network widths (input, hidden…, output)
 * @param activation   hidden activation id
 * @param steps        gradient steps
 * @param learningRate step size
 */
public record SymmetrySection(int[] widths, String activation, int steps, double learningRate, List<Trace> traces) {

    /**
     * @param label             e.g. {@code constant}, {@code random}, {@code constant + dropout}
     * @param expectSymmetric   true when the units must stay identical (distance exactly 0 at every step)
     * @param maxDistance       [step][hidden layer]
     * @param loss              full-task loss per step
     */
    public record Trace(String label, String scheme, double dropout, boolean expectSymmetric, double[][] maxDistance,
                        double[] loss) {

        /** Constant init: every distance exactly 0; otherwise: some distance positive at the last step. */
        public boolean asExpected() {
            double[] last = maxDistance[maxDistance.length - 1];
            if (expectSymmetric) {
                for (double[] step : maxDistance) {
                    for (double d : step) {
                        if (d != 0) {
                            return false;
                        }
                    }
                }
                return true;
            }
            for (double d : last) {
                if (!(d > 0)) {
                    return false;
                }
            }
            return true;
        }
    }
}
