package dev.initcheck.check;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Family;
import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Structure;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which checks a declared law gets.
 *
 * <ul>
 *   <li>every tensor: finite;</li>
 *   <li>point mass (zeros, ones, constant): point_mass;</li>
 *   <li>orthogonal: support (|w| &lt;= gain) and orthogonality;</li>
 *   <li>i.i.d. uniform / normal / truncated normal: support and endpoint (bounded laws), ks, second_moment, mean,
 *       tail (untruncated normal, or a truncation too far out to matter, which is tested as its parent: no endpoint
 *       then, see {@link Laws#effective}), duplicate_rows and duplicate_columns (when the 2-D view is at hand and a
 *       chance coincidence is negligible), lag1_correlation (n &gt;= 1000).</li>
 * </ul>
 */
final class CheckPlan {
    /** The checks that spend false-alarm budget. */
    static final Set<CheckName> STOCHASTIC = EnumSet.of(CheckName.ENDPOINT, CheckName.KS, CheckName.SECOND_MOMENT,
            CheckName.MEAN, CheckName.TAIL, CheckName.LAG1_CORRELATION, CheckName.CROSS_CORRELATION);

    private CheckPlan() {
    }

    static boolean hard(CheckName name) {
        return !STOCHASTIC.contains(name);
    }

    /**
     * The checks for n values of {@code e}; {@code tested} is the law the moment checks use
     * ({@link Laws#effective}: a truncation too far out to matter is tested as its parent normal).
     */
    static List<CheckName> of(Expectation e, Distribution tested, long n, boolean matrix, Precision p) {
        return of(e, tested, n, matrix, p, Long.MAX_VALUE);
    }

    /** As above, the duplicate checks comparing lines on their first {@code lineCap} values only. */
    static List<CheckName> of(Expectation e, Distribution tested, long n, boolean matrix, Precision p,
                              long lineCap) {
        List<CheckName> plan = new ArrayList<>(List.of(CheckName.FINITE));
        Distribution law = e.distribution();
        if (law.family() == Family.POINT_MASS) {
            plan.add(CheckName.POINT_MASS);
        } else if (e.structure() == Structure.ORTHOGONAL) {
            plan.add(CheckName.SUPPORT);
            plan.add(CheckName.ORTHOGONALITY);
        } else {
            addRandom(plan, law, tested, n);
            addMatrix(plan, e, matrix, p, lineCap);
            if (n >= IndependenceChecks.LAG1_MIN_N) {
                plan.add(CheckName.LAG1_CORRELATION);
            }
        }
        return plan;
    }

    private static void addRandom(List<CheckName> plan, Distribution law, Distribution tested, long n) {
        if (law.isBounded()) {
            plan.add(CheckName.SUPPORT);
        }
        if (tested.isBounded()) {
            plan.add(CheckName.ENDPOINT);
        }
        plan.add(CheckName.KS);
        plan.add(CheckName.SECOND_MOMENT);
        plan.add(CheckName.MEAN);
        if (tested.family() == Family.NORMAL && n <= Integer.MAX_VALUE) {
            plan.add(CheckName.TAIL);
        }
    }

    private static void addMatrix(List<CheckName> plan, Expectation e, boolean matrix, Precision p, long lineCap) {
        if (!matrix) {
            return;
        }
        long[] rc = e.matrixView();
        double q = StoredLaw.of(e.distribution(), p).collisionProbability();
        if (IndependenceChecks.duplicatesMeaningful(rc[0], Math.min(rc[1], lineCap), q)) {
            plan.add(CheckName.DUPLICATE_ROWS);
        }
        if (IndependenceChecks.duplicatesMeaningful(rc[1], Math.min(rc[0], lineCap), q)) {
            plan.add(CheckName.DUPLICATE_COLUMNS);
        }
    }

    static List<CheckName> stochastic(List<CheckName> plan) {
        return plan.stream().filter(STOCHASTIC::contains).toList();
    }
}
