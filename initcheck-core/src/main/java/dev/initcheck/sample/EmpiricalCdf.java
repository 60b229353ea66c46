package dev.initcheck.sample;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.StoredLaw;

/**
 * A source of the Kolmogorov–Smirnov statistic of a sample against a declared law. {@link SortedSample} is the
 * exact source; a streaming source may bin probability-integral transforms and return a lower bound with its
 * resolution (see {@link KsStatistic}).
 */
public interface EmpiricalCdf {

    /** Number of values. */
    long size();

    /** The distance sup |F_n - F| to {@code law} (exact or bounded, as {@link KsStatistic#resolution()} says). */
    default KsStatistic distanceTo(Distribution law) {
        return distanceTo(StoredLaw.continuous(law));
    }

    /** The distance sup |F_n - G| to the law G of values of {@code law.declared()} stored in its precision. */
    KsStatistic distanceTo(StoredLaw law);
}
