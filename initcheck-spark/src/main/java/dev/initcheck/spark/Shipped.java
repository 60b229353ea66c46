package dev.initcheck.spark;

import dev.initcheck.app.TensorCheck;
import dev.initcheck.audit.Audit;
import dev.initcheck.audit.Checkpoint;
import dev.initcheck.audit.Declaration;
import dev.initcheck.audit.Identified;
import dev.initcheck.check.CheckName;
import dev.initcheck.check.CheckResult;
import dev.initcheck.check.Verdict;
import dev.initcheck.distribution.Distribution;
import dev.initcheck.distribution.Precision;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.scheme.Structure;
import dev.initcheck.shape.Fans;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The serialisable forms in which declarations go to executor tasks and examinations come back: every field of the
 * audit's own types, so that the driver rebuilds values equal to those the task computed (a scheme travels as its
 * canonical spelling, {@link Scheme#toString}, which {@link Scheme#parse} reads back to an equal scheme; laws, enums,
 * numbers and strings travel as they are, doubles bit for bit).
 */
final class Shipped {
    private Shipped() {
    }

    /** A {@link Declaration} of a law to check (ties and skips never travel: nothing is read for them). */
    record DeclarationForm(String origin, String scheme, Layout layout, Long fanIn, Long fanOut, long[] csvShape)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        static DeclarationForm of(Declaration d) {
            if (d == null) {
                return null;
            }
            if (d.kind() != Declaration.Kind.SCHEME) {
                throw new IllegalArgumentException("only a declared law is examined in a task, got " + d.kind());
            }
            TensorCheck.TensorSpec s = d.spec();
            return new DeclarationForm(d.origin(), d.scheme().toString(), s.layout(), s.fanIn(), s.fanOut(),
                    s.csvShape());
        }

        Declaration declaration() {
            return new Declaration(Declaration.Kind.SCHEME, origin, Scheme.parse(scheme),
                    new TensorCheck.TensorSpec(layout, fanIn, fanOut, csvShape), null);
        }
    }

    /** A {@link CheckResult}; its details are copied in order, each value serialisable. */
    record CheckForm(CheckName name, boolean passed, boolean ran, double statistic, double threshold, double alpha,
                     double pValue, double detectableScaleError, boolean hard, String message,
                     LinkedHashMap<String, Object> details, boolean conclusive) implements Serializable {
        private static final long serialVersionUID = 1L;

        static CheckForm of(CheckResult c) {
            LinkedHashMap<String, Object> details = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : c.details().entrySet()) {
                if (e.getValue() != null && !(e.getValue() instanceof Serializable)) {
                    throw new IllegalStateException(c.name().id() + ": detail '" + e.getKey() + "' ("
                            + e.getValue().getClass().getName() + ") cannot be sent to the driver");
                }
                details.put(e.getKey(), e.getValue());
            }
            return new CheckForm(c.name(), c.passed(), c.ran(), c.statistic(), c.threshold(), c.alpha(), c.pValue(),
                    c.detectableScaleError(), c.hard(), c.message(), details, c.conclusive());
        }

        CheckResult result() {
            return new CheckResult(name, passed, ran, statistic, threshold, alpha, pValue, detectableScaleError, hard,
                    message, details, conclusive);
        }
    }

    /** A {@link Verdict} with its {@link Expectation}. */
    record VerdictForm(String scheme, long[] shape, Layout layout, long fanIn, long fanOut, long receptiveField,
                       Distribution law, Structure structure, long n, Precision precision, double alpha,
                       List<CheckForm> checks, RandomSource source, long seed) implements Serializable {
        private static final long serialVersionUID = 1L;

        static VerdictForm of(Verdict v) {
            if (v == null) {
                return null;
            }
            Expectation e = v.expectation();
            List<CheckForm> checks = new ArrayList<>();
            v.checks().forEach(c -> checks.add(CheckForm.of(c)));
            Fans f = e.fans();
            return new VerdictForm(e.scheme().toString(), e.shape().dims(), e.layout(), f.fanIn(), f.fanOut(),
                    f.receptiveField(), e.distribution(), e.structure(), v.n(), v.precision(), v.alpha(), checks,
                    v.source() == null ? null : v.source().source(), v.source() == null ? 0 : v.source().seed());
        }

        Verdict verdict() {
            Expectation e = new Expectation(Scheme.parse(scheme), Shape.of(shape), layout,
                    new Fans(fanIn, fanOut, receptiveField), law, structure);
            List<CheckResult> results = new ArrayList<>();
            checks.forEach(c -> results.add(c.result()));
            return new Verdict(e, n, precision, alpha, results, source == null ? null : new SeededRandom(source, seed));
        }
    }

    /** An {@link Identified} law. */
    record IdentifiedForm(String family, String description, String scheme, String recognized, boolean explained,
                          VerdictForm verdict) implements Serializable {
        private static final long serialVersionUID = 1L;

        static IdentifiedForm of(Identified i) {
            return i == null ? null : new IdentifiedForm(i.family(), i.description(), i.scheme(), i.recognized(),
                    i.explained(), VerdictForm.of(i.verdict()));
        }

        Identified identified() {
            return new Identified(family, description, scheme, recognized, explained,
                    verdict == null ? null : verdict.verdict());
        }
    }

    /** An {@link Audit.Examined} without the tensor and declaration, which the driver holds. */
    record ExaminedForm(VerdictForm verdict, IdentifiedForm identified, double[] prefix, String note, String path,
                        double seconds) implements Serializable {
        private static final long serialVersionUID = 1L;

        static ExaminedForm of(Audit.Examined e) {
            return new ExaminedForm(VerdictForm.of(e.verdict()), IdentifiedForm.of(e.identified()), e.prefix(),
                    e.note(), e.path(), e.seconds());
        }

        /** The examination of the driver's {@code item} under its {@code declaration}. */
        Audit.Examined examined(Checkpoint.Item item, Declaration declaration) {
            return new Audit.Examined(item, declaration, verdict == null ? null : verdict.verdict(),
                    identified == null ? null : identified.identified(), prefix, note, path, seconds);
        }
    }
}
