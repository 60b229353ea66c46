package dev.initcheck.propagation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The seed documents' claims about training speed, evaluated on a {@link TrainingStudy.Study}: each one a
 * one-sided exact sign test paired by seed ({@link PairedComparison}) at α = {@value #ALPHA}, stated before any
 * run was made. A claim whose schemes or activation the study did not run is left out. With m claims evaluated,
 * the probability that any of them holds by chance is at most m·α (Bonferroni).
 *
 * <ul>
 *   <li>zeros never breaks symmetry and stalls: on every seed the hidden units are still identical after training
 *       and the target is never reached (exact, no statistics); and a random scheme beats it (sign test).</li>
 *   <li>With tanh at depth ≥ 5, small_random and large_random train slower than glorot_uniform and he_normal.</li>
 *   <li>With ReLU, he_normal trains faster than small_random.</li>
 *   <li>Pretraining helps deep sigmoid networks (pretrained beats small_random, the init of its time), and where it
 *       does not: pretrained against glorot_uniform (sigmoid, tanh) and he_normal (ReLU), tested in both
 *       directions.</li>
 * </ul>
 */
public final class TrainingClaims {
    /** The false-alarm probability of each claim. */
    public static final double ALPHA = 1e-3;

    private TrainingClaims() {
    }

    /**
     * One claim: its statement, the paired comparison behind it (null for the exact symmetry claim), and whether
     * the measurement supports it.
     */
    public record Claim(String statement, PairedComparison comparison, boolean holds, String detail) {
        @Override
        public String toString() {
            return (holds ? "HOLDS  " : "NOT SUPPORTED  ") + statement + ": " + detail;
        }
    }

    /** Every claim the study can speak to, in the order of the class comment. */
    public static List<Claim> evaluate(TrainingStudy.Study study) {
        List<Claim> out = new ArrayList<>();
        for (Activation a : study.config().activations()) {
            if (has(study, "zeros", a)) {
                out.add(zerosStall(study.result("zeros", a)));
            }
            String random = a == Activation.RELU ? "he_normal" : "glorot_uniform";
            compare(out, study, random, "zeros", a, "a random init (" + random + ") trains faster than zeros/"
                    + a.id());
        }
        if (study.config().depth() >= 5) {
            for (String good : List.of("glorot_uniform", "he_normal")) {
                for (String bad : List.of("small_random", "large_random")) {
                    compare(out, study, good, bad, Activation.TANH, bad + " trains slower than " + good
                            + " (tanh, depth >= 5)");
                }
            }
        }
        compare(out, study, "he_normal", "small_random", Activation.RELU, "he_normal trains faster than small_random"
                + " (relu)");
        compare(out, study, "pretrained", "small_random", Activation.SIGMOID, "pretraining helps a deep sigmoid "
                + "network (pretrained beats small_random)");
        for (Activation a : List.of(Activation.SIGMOID, Activation.TANH, Activation.RELU)) {
            String modern = a == Activation.RELU ? "he_normal" : "glorot_uniform";
            compare(out, study, "pretrained", modern, a, "pretraining beats " + modern + " (" + a.id() + ")");
            compare(out, study, modern, "pretrained", a, modern + " beats pretraining (" + a.id() + ")");
        }
        return out;
    }

    private static void compare(List<Claim> out, TrainingStudy.Study study, String a, String b, Activation act,
                                String statement) {
        if (has(study, a, act) && has(study, b, act)) {
            PairedComparison c = PairedComparison.of(study.result(a, act), study.result(b, act), ALPHA);
            out.add(new Claim(statement, c, c.holds(), c.toString()));
        }
    }

    private static Claim zerosStall(TrainingResult zeros) {
        long symmetric = zeros.runs().stream().filter(TrainingResult.SeedRun::symmetric).count();
        long reached = zeros.runs().stream().filter(r -> r.stepsToTarget() != null).count();
        int n = zeros.runs().size();
        boolean holds = symmetric == n && reached == 0;
        String detail = String.format(Locale.ROOT, "hidden units identical after training on %d of %d seeds, target "
                + "reached on %d of %d (exact: no false alarm)", symmetric, n, reached, n);
        return new Claim("zeros never breaks symmetry and stalls (" + zeros.activation().id() + ")", null, holds,
                detail);
    }

    private static boolean has(TrainingStudy.Study study, String scheme, Activation a) {
        return study.results().stream().anyMatch(r -> r.scheme().equals(scheme) && r.activation() == a);
    }
}
