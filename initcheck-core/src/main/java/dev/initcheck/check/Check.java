package dev.initcheck.check;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Family;
import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.StoredLaw;
import dev.initcheck.sample.EmpiricalCdf;
import dev.initcheck.sample.LineHashes;
import dev.initcheck.sample.SampleMoments;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Structure;
import java.util.function.Supplier;

/**
 * One check of one tensor against its declared law: a stateless rule that says whether it belongs to a tensor's
 * plan ({@link #appliesTo}, by default every i.i.d. random law) and turns the tensor's evidence into a
 * {@link CheckResult} ({@link #run}). {@link CheckPlan} lists every check in the order they run; {@link Conformance}
 * runs a plan and gives each stochastic check an equal share of the tensor's false-alarm probability. The check of
 * two tensors, {@link CrossCorrelationCheck}, is not a per-tensor check and stands alone.
 */
abstract class Check {
    private final CheckName name;
    private final boolean stochastic;

    /**
     * @param name       which check
     * @param stochastic true when the check spends a share of the false-alarm budget; false for a hard
     *                   (deterministic) check, which a correct tensor cannot fail
     */
    Check(CheckName name, boolean stochastic) {
        this.name = name;
        this.stochastic = stochastic;
    }

    /** @return which check this is */
    final CheckName name() {
        return name;
    }

    /** @return true when the check spends a share of the false-alarm budget, false for a hard check */
    final boolean stochastic() {
        return stochastic;
    }

    /**
     * Whether the check belongs to the plan of {@code s}.
     *
     * @param s what is checked
     * @return by default, whether the declared law is i.i.d. random (neither a constant nor an orthogonal matrix)
     */
    boolean appliesTo(Subject s) {
        return s.iid();
    }

    /**
     * Runs the check.
     *
     * @param ev    the tensor's values as the checks read them
     * @param alpha this check's false-alarm share (0 for a hard check)
     * @return the result, with statistic, threshold, power figure and a plain-words message
     */
    abstract CheckResult run(Evidence ev, double alpha);

    /**
     * What decides a tensor's plan.
     *
     * @param expectation the declared scheme, shape, layout and law
     * @param tested      the law the moment checks use ({@link Laws#effective}: a truncation too far out to matter
     *                    is tested as its parent normal)
     * @param n           number of values
     * @param precision   the stored precision
     * @param lines       whether rows and columns of the 2-D view can be compared (the matrix, or streamed hashes)
     * @param lineCap     the duplicate checks compare lines on their first {@code lineCap} values only
     */
    record Subject(Expectation expectation, Distribution tested, long n, Precision precision, boolean lines,
                   long lineCap) {
        /** The declared law. */
        Distribution law() {
            return expectation.distribution();
        }

        /** An i.i.d. random law: neither a constant nor an orthogonal matrix. */
        boolean iid() {
            return law().family() != Family.POINT_MASS && expectation.structure() != Structure.ORTHOGONAL;
        }

        /** An orthogonal matrix (the entries are not i.i.d.). */
        boolean orthogonal() {
            return law().family() != Family.POINT_MASS && expectation.structure() == Structure.ORTHOGONAL;
        }
    }

    /**
     * A tensor's values as the checks read them.
     *
     * @param subject    what is checked
     * @param moments    one-pass moments, extremes and counts
     * @param ecdf       the empirical CDF (sorted sample or binned summary), built on first use
     * @param matrix     the values in C order when at hand, else null
     * @param lineHashes streamed row/column hashes when the values are not at hand, else null
     */
    record Evidence(Subject subject, SampleMoments moments, Supplier<EmpiricalCdf> ecdf, double[] matrix,
                    LineHashes lineHashes) {
        /** The declared law as stored. */
        StoredLaw stored() {
            return StoredLaw.of(subject.law(), subject.precision());
        }

        /** The tested law ({@link Subject#tested}) as stored. */
        StoredLaw storedTested() {
            return StoredLaw.of(subject.tested(), subject.precision());
        }
    }
}
