package dev.initcheck.check;

/**
 * Bernstein's inequality for a mean of n i.i.d. variables with variance v and |Y - EY| &lt;= M:
 * P(|Ȳ - EY| &gt;= t) &lt;= 2 exp(-n t² / (2(v + M t/3))) (Boucheron, Lugosi and Massart, Concentration
 * Inequalities, 2013, Thm 2.10; the one-sided bound drops the factor 2). Solving n t² = 2L(v + M t/3) gives
 * the deviation that is exceeded with probability at most e^-L per side:
 * t = (M L/3 + sqrt((M L/3)² + 2 v L n)) / n. Valid for every n; no normal approximation.
 */
final class Bernstein {
    private Bernstein() {
    }

    /**
     * The deviation t exceeded with probability at most e^-logTerm (one side).
     *
     * @param variance v, the variance of one variable
     * @param range    M, a bound on |Y - EY|
     * @param logTerm  L: ln(2/alpha) for a two-sided test at alpha, ln(1/beta) for one side at beta
     * @param n        the number of variables
     */
    static double deviation(double variance, double range, double logTerm, long n) {
        double a = range * logTerm / 3;
        return (a + Math.sqrt(a * a + 2 * variance * logTerm * n)) / n;
    }

    /** Two-sided deviation at false-alarm probability alpha: L = ln(2/alpha). */
    static double twoSided(double variance, double range, double alpha, long n) {
        return deviation(variance, range, Math.log(2 / alpha), n);
    }
}
