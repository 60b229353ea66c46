package dev.initcheck.property;

import dev.initcheck.check.AlphaBudget;
import dev.initcheck.check.AlphaShare;
import java.util.Locale;

/**
 * How a property runs: the seed of the generator of examples, the number of tries, and the run's false-alarm
 * budget, shared equally by the tries (Bonferroni): each try may spend {@code runBudget / tries}.
 *
 * <p>Seed replay: {@code -Dinitcheck.seed=S} overrides every property's seed, {@code -Dinitcheck.tries=N} the
 * number of tries, so a failure printed as "replay with -Dinitcheck.seed=S" reproduces exactly.
 */
public record PropertyConfig(long seed, int tries, double runBudget, int shrinkCycles) {
    public static final String SEED_PROPERTY = "initcheck.seed";
    public static final String TRIES_PROPERTY = "initcheck.tries";
    public static final double DEFAULT_RUN_BUDGET = 1e-6;

    public PropertyConfig {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be >= 1, got " + tries);
        }
        if (!(runBudget > 0 && runBudget < 1)) {
            throw new IllegalArgumentException("run budget must be in (0, 1), got " + runBudget);
        }
    }

    /** Defaults, overridden by the system properties. */
    public static PropertyConfig of(long defaultSeed, int defaultTries) {
        long seed = Long.getLong(SEED_PROPERTY, defaultSeed);
        int tries = Integer.getInteger(TRIES_PROPERTY, defaultTries);
        return new PropertyConfig(seed, tries, DEFAULT_RUN_BUDGET, 2000);
    }

    /** @return the false-alarm share of one try: the run budget split equally among the tries */
    public AlphaShare alphaPerTry() {
        return AlphaBudget.of(runBudget, tries).tensorShare();
    }

    public PropertyConfig withTries(int n) {
        return new PropertyConfig(seed, n, runBudget, shrinkCycles);
    }

    public PropertyConfig withSeed(long s) {
        return new PropertyConfig(s, tries, runBudget, shrinkCycles);
    }

    /** The flag that reproduces this run. */
    public String replay() {
        return String.format(Locale.ROOT, "-D%s=%d -D%s=%d", SEED_PROPERTY, seed, TRIES_PROPERTY, tries);
    }
}
