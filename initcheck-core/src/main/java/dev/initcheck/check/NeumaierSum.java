package dev.initcheck.check;

/**
 * Compensated summation (Neumaier 1974, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher
 * Summen", ZAMM 54): the rounding error of every addition is carried in a second accumulator, so the error of
 * the total does not grow with the number of terms. Two partial sums merge by adding both accumulators.
 */
final class NeumaierSum {
    private double sum;
    private double compensation;

    void add(double x) {
        double t = sum + x;
        if (Math.abs(sum) >= Math.abs(x)) {
            compensation += (sum - t) + x;
        } else {
            compensation += (x - t) + sum;
        }
        sum = t;
    }

    void merge(NeumaierSum other) {
        add(other.sum);
        add(other.compensation);
    }

    double value() {
        return sum + compensation;
    }
}
