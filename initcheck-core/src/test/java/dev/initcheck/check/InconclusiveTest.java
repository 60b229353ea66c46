package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.distribution.Precision;
import dev.initcheck.distribution.Uniform;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import org.junit.jupiter.api.Test;

/** A pass must be evidence: checks that could not have rejected say so, and so does the tensor's verdict. */
class InconclusiveTest {
    private static final double ALPHA = 1e-6;

    /** Ten evenly spread values of U(-b, b): the most typical sample there is. */
    private static double[] tenValues(double b) {
        double[] x = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = -b + (2 * i + 1) * b / 10;
        }
        return x;
    }

    @Test
    void aTenValueBiasDeclaredWithTheWrongFanIsInconclusiveNotPass() {
        // torch bias of a Linear with fan_in 1000, U(±1/sqrt(1000)); declared with fan_in 86: sd 3.4x the true one
        Expectation declared = Scheme.parse("torch.uniform(a=-0.10783277,b=0.10783277)")
                .resolve(Shape.of(10), Layout.PYTORCH);
        Verdict v = Conformance.check(tenValues(1 / Math.sqrt(1000)), declared, Precision.FLOAT32, ALPHA);
        assertThat(v.failures()).isEmpty();
        assertThat(v.status()).as(v.explain()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(v.passed()).isFalse();
        assertThat(v.check(CheckName.KS).orElseThrow().outcome()).isEqualTo(CheckResult.Outcome.INCONCLUSIVE);
        assertThat(v.check(CheckName.KS).orElseThrow().message()).startsWith("inconclusive: with 10 values")
                .contains("it needs n >= ");
        assertThat(v.check(CheckName.ENDPOINT).orElseThrow().outcome()).isEqualTo(CheckResult.Outcome.INCONCLUSIVE);
        assertThat(v.explain()).contains("INCONCLUSIVE");
    }

    @Test
    void aSingleValueIsNeverEvidence() {
        Expectation e = Scheme.parse("he_normal").resolve(Shape.of(1), Layout.KERAS);
        Verdict v = Conformance.check(new double[] {0.1}, e, Precision.FLOAT32, ALPHA);
        assertThat(v.status()).as(v.explain()).isEqualTo(Verdict.Status.INCONCLUSIVE);
        assertThat(v.checks()).filteredOn(c -> !c.hard()).allMatch(c -> c.outcome() != CheckResult.Outcome.PASSED);
    }

    @Test
    void exactLawsStayConclusiveAtAnySize() {
        Expectation zeros = Scheme.parse("zeros").resolve(Shape.of(1), Layout.PYTORCH);
        assertThat(Conformance.check(new double[] {0}, zeros, Precision.BFLOAT16, ALPHA).status())
                .isEqualTo(Verdict.Status.PASS);
        assertThat(Conformance.check(new double[] {0.5}, zeros, Precision.BFLOAT16, ALPHA).status())
                .isEqualTo(Verdict.Status.FAIL);
    }

    @Test
    void enoughValuesMakeTheSameDeclarationFail() {
        // the wrong fan at n = 4096 is caught: the n the inconclusive message asks for is enough
        Expectation declared = Scheme.parse("torch.uniform(a=-0.10783277,b=0.10783277)")
                .resolve(Shape.of(4096), Layout.PYTORCH);
        double[] x = new double[4096];
        double b = 1 / Math.sqrt(1000);
        for (int i = 0; i < x.length; i++) {
            x[i] = -b + (2 * i + 1) * b / x.length;
        }
        Verdict v = Conformance.check(x, declared, Precision.FLOAT32, ALPHA);
        assertThat(v.status()).as(v.explain()).isEqualTo(Verdict.Status.FAIL);
    }

    @Test
    void conclusivenessMeansCatchingAFactorTwoEitherWay() {
        assertThat(new Power.Detectable(0.99, 0.49).conclusive()).isTrue();
        assertThat(new Power.Detectable(1.01, 0.2).conclusive()).isFalse();
        assertThat(new Power.Detectable(0.2, 0.51).conclusive()).isFalse();
        assertThat(Power.detectable(CheckKind.KS, Uniform.symmetric(1), 10, ALPHA / 5, Power.DEFAULT_BETA)
                .conclusive()).isFalse();
        assertThat(Power.detectable(CheckKind.KS, Uniform.symmetric(1), 1000, ALPHA / 5, Power.DEFAULT_BETA)
                .conclusive()).isTrue();
    }
}
