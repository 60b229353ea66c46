package dev.initcheck.suite;

import dev.initcheck.check.AlphaBudget;
import dev.initcheck.check.AlphaShare;
import dev.initcheck.check.Conformance;
import dev.initcheck.check.Verdict;
import dev.initcheck.distribution.Family;
import dev.initcheck.distribution.Precision;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.report.ChartData;
import dev.initcheck.report.TensorResult;
import dev.initcheck.sample.SampleMoments;
import dev.initcheck.sample.SortedSample;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.scheme.Structure;
import dev.initcheck.shape.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The conformance part of the suite: each (scheme, shape) sampled and checked with an equal share of the run's
 * budget.
 *
 * <p>Sample size: by default one tensor of the shape. With {@code samples = N} the values of
 * ceil(N / size) independent tensors (each from its own derived stream) are pooled and cut to N, and checked as
 * one i.i.d. sample (summary path: no duplicate-row/column checks on a pool). Orthogonal schemes are always
 * checked on one tensor: W·Wᵀ = gain²·I is a property of one matrix, not of a pool.
 * Values are checked as float64 (the reference sampler's precision). Work runs in parallel; the results do not
 * depend on it (every tensor has its own stream).
 */
final class TensorRuns {
    private TensorRuns() {
    }

    static List<TensorResult> run(Suite.Config c) {
        List<Job> jobs = new ArrayList<>();
        for (Scheme s : c.schemes()) {
            for (int i = 0; i < c.shapes().size(); i++) {
                jobs.add(new Job(s, c.shapes().get(i), i == 0));
            }
        }
        AlphaShare alpha = AlphaBudget.of(c.alpha(), jobs.size()).tensorShare();
        SeededRandom root = SeededRandom.of(c.seed());
        int[] done = {0};
        return IntStream.range(0, jobs.size()).parallel().mapToObj(i -> {
            TensorResult r = check(jobs.get(i), c, root, alpha);
            synchronized (done) {
                c.progress().step("tensors", jobs.get(i).label(), ++done[0], jobs.size());
            }
            return r;
        }).toList();
    }

    private record Job(Scheme scheme, Suite.ShapeSpec spec, boolean charts) {
        String label() {
            return scheme + " " + spec;
        }
    }

    private static TensorResult check(Job j, Suite.Config c, SeededRandom root, AlphaShare alpha) {
        long start = System.nanoTime();
        Expectation e = j.scheme().resolve(j.spec().shape(), j.spec().layout());
        Function<Layout, Initializer> override = c.overrides().get(j.scheme().toString());
        Initializer init = override != null ? override.apply(j.spec().layout())
                : ReferenceInitializer.of(j.scheme(), j.spec().layout());
        String stream = "tensor/" + j.scheme() + "/" + j.spec().shape() + "/" + j.spec().layout().id() + "/";
        int size = Math.toIntExact(e.shape().size());
        long wanted = c.samples() == 0 || e.structure() == Structure.ORTHOGONAL ? size : c.samples();
        Verdict v;
        double[] values;
        values = Initializer.pool(init, e.shape(), root, stream, Math.toIntExact(wanted));
        if (wanted == size) {
            v = Conformance.check(values, e, Precision.FLOAT64, alpha, root.derive(stream + 0));
        } else {
            SortedSample sorted = SortedSample.of(values);
            v = Conformance.check(SampleMoments.of(values, e.distribution()), sorted, e, Precision.FLOAT64, alpha)
                    .withSource(root.derive(stream + 0));
        }
        double seconds = (System.nanoTime() - start) / 1e9; // sampling and checking, not the chart copy
        ChartData chart = null;
        if (j.charts() && e.distribution().family() != Family.POINT_MASS) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            chart = ChartData.sorted(sorted);
        }
        return new TensorResult(null, null, v, chart, seconds);
    }
}
