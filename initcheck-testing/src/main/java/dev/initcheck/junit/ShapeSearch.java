package dev.initcheck.junit;

import dev.initcheck.check.AlphaBudget;
import dev.initcheck.check.AlphaShare;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The contract's search for a failing shape, without a property engine (none reaches a user's classpath): a fixed
 * number of tries drawn from a seeded stream (rank 2..5, dimensions 1..8, at most {@code maxSize} values, a seed for
 * the weights), then greedy shrinking of the first failure toward the simplest case that still fails (seed 0, rank
 * 2, every dimension 1). {@code -Dinitcheck.seed=S -Dinitcheck.tries=N} replay a run.
 */
final class ShapeSearch {
    static final String SEED_PROPERTY = "initcheck.seed";
    static final String TRIES_PROPERTY = "initcheck.tries";
    /** False-alarm probability of one run, split equally over its tries (Bonferroni). */
    static final double RUN_BUDGET = 1e-6;
    /** Shrinking stops after this many evaluations of the property. */
    static final int MAX_SHRINK_STEPS = 200;

    /** One drawn case. */
    record Case(Shape shape, Layout layout, long seed) {
        @Override
        public String toString() {
            return shape + " " + layout.id() + " seed=" + seed;
        }
    }

    /** A falsified run: the failing try (1-based), the smallest failing case and why it fails. */
    record Failure<R>(int tryNumber, Case smallest, R reason) {
    }

    final long seed;
    final int tries;

    private ShapeSearch(long seed, int tries) {
        if (tries < 1) {
            throw new IllegalArgumentException("-D" + TRIES_PROPERTY + " must be >= 1, got " + tries);
        }
        this.seed = seed;
        this.tries = tries;
    }

    /** Defaults, overridden by {@code -Dinitcheck.seed} and {@code -Dinitcheck.tries}. */
    static ShapeSearch of(long defaultSeed, int defaultTries) {
        return new ShapeSearch(Long.getLong(SEED_PROPERTY, defaultSeed), Integer.getInteger(TRIES_PROPERTY, defaultTries));
    }

    /** The false-alarm share of one try: the run's budget split equally among the tries. */
    AlphaShare alphaPerTry() {
        return AlphaBudget.of(RUN_BUDGET, tries).tensorShare();
    }

    /** The flags that reproduce this run. */
    String replay() {
        return String.format(Locale.ROOT, "-D%s=%d -D%s=%d", SEED_PROPERTY, seed, TRIES_PROPERTY, tries);
    }

    /** Empty when every try passes; {@code property} returns the reason a case fails, or empty. */
    <R> Optional<Failure<R>> run(Layout layout, long maxSize, Function<Case, Optional<R>> property) {
        UniformRandomProvider rng = SeededRandom.of(seed).derive("contract/cases").create();
        for (int t = 1; t <= tries; t++) {
            int rank = 2 + rng.nextInt(4);
            long[] dims = new long[rank];
            for (int i = 0; i < rank; i++) {
                dims[i] = 1 + rng.nextInt(8);
            }
            Case c = new Case(clamp(dims, maxSize), layout, rng.nextLong(Long.MAX_VALUE / 2));
            Optional<R> why = property.apply(c);
            if (why.isPresent()) {
                return Optional.of(shrink(c, why.get(), property, t));
            }
        }
        return Optional.empty();
    }

    /** Dimensions clamped from the last one down so that the size stays <= maxSize. */
    static Shape clamp(long[] dims, long maxSize) {
        long[] d = dims.clone();
        long product = Arrays.stream(d).reduce(1, (a, b) -> a * b);
        for (int i = d.length - 1; i >= 0 && product > maxSize; i--) {
            product /= d[i];
            d[i] = Math.max(1, Math.min(d[i], maxSize / product));
            product *= d[i];
        }
        return Shape.of(d);
    }

    private <R> Failure<R> shrink(Case c, R reason, Function<Case, Optional<R>> property, int tryNumber) {
        int steps = 0;
        boolean progress = true;
        while (progress && steps < MAX_SHRINK_STEPS) {
            progress = false;
            for (Case smaller : simpler(c)) {
                if (steps++ >= MAX_SHRINK_STEPS) {
                    break;
                }
                Optional<R> why = property.apply(smaller);
                if (why.isPresent()) {
                    c = smaller;
                    reason = why.get();
                    progress = true;
                    break;
                }
            }
        }
        return new Failure<>(tryNumber, c, reason);
    }

    /** Simpler cases, simplest changes first: seed 0, the last dimension dropped, a dimension 1, halved, minus 1. */
    static List<Case> simpler(Case c) {
        List<Case> out = new ArrayList<>();
        long[] d = c.shape().dims();
        if (c.seed() != 0) {
            out.add(new Case(c.shape(), c.layout(), 0));
        }
        if (d.length > 2) {
            out.add(new Case(Shape.of(Arrays.copyOf(d, d.length - 1)), c.layout(), c.seed()));
        }
        for (long next : new long[] {1, 0, -1}) { // 1: to one; 0: halved; -1: minus one
            for (int i = 0; i < d.length; i++) {
                long v = next == 1 ? 1 : next == 0 ? d[i] / 2 : d[i] - 1;
                if (d[i] > 1 && v >= 1 && v < d[i]) {
                    long[] e = d.clone();
                    e[i] = v;
                    Case s = new Case(Shape.of(e), c.layout(), c.seed());
                    if (!out.contains(s)) {
                        out.add(s);
                    }
                }
            }
        }
        return out;
    }
}
