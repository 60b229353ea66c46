package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.distribution.Precision;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The plan each kind of law gets, as {@link CheckPlan}'s Javadoc states it, and the registry behind it. */
class CheckPlanTest {
    private static List<String> plan(String scheme, Layout layout, Precision p, boolean lines, long... dims) {
        Expectation e = Scheme.parse(scheme).resolve(Shape.of(dims), layout);
        long n = e.shape().size();
        Check.Subject s = new Check.Subject(e, Laws.effective(e.distribution(), n, 1e-6), n, p, lines,
                Long.MAX_VALUE);
        return CheckPlan.of(s).stream().map(c -> c.name().id()).toList();
    }

    @Test
    void eachLawGetsTheDocumentedChecksInOrder() {
        assertThat(plan("torch.kaiming_normal", Layout.PYTORCH, Precision.FLOAT32, true, 128, 64)).containsExactly(
                "finite", "ks", "second_moment", "mean", "tail", "duplicate_rows", "duplicate_columns",
                "lag1_correlation");
        assertThat(plan("torch.kaiming_normal", Layout.PYTORCH, Precision.FLOAT32, false, 128, 64)).containsExactly(
                "finite", "ks", "second_moment", "mean", "tail", "lag1_correlation");
        assertThat(plan("he_uniform", Layout.KERAS, Precision.FLOAT32, true, 64, 32)).containsExactly("finite",
                "support", "endpoint", "ks", "second_moment", "mean", "duplicate_rows", "duplicate_columns",
                "lag1_correlation");
        assertThat(plan("he_uniform", Layout.KERAS, Precision.FLOAT32, true, 20, 20)).containsExactly("finite",
                "support", "endpoint", "ks", "second_moment", "mean", "duplicate_rows", "duplicate_columns");
        assertThat(plan("zeros", Layout.PYTORCH, Precision.BFLOAT16, true, 16, 16))
                .containsExactly("finite", "point_mass");
        assertThat(plan("orthogonal", Layout.PYTORCH, Precision.FLOAT32, true, 16, 32))
                .containsExactly("finite", "support", "orthogonality");
        // cut-offs ±100 sd: the support is still checked, the moments as the parent normal (tail, no endpoint)
        assertThat(plan("torch.trunc_normal(std=0.02)", Layout.PYTORCH, Precision.FLOAT32, true, 1000, 1000))
                .containsExactly("finite", "support", "ks", "second_moment", "mean", "tail", "duplicate_rows",
                        "duplicate_columns", "lag1_correlation");
        assertThat(plan("torch.trunc_normal(std=1,a=-1,b=3)", Layout.PYTORCH, Precision.FLOAT32, true, 300, 200))
                .containsExactly("finite", "support", "endpoint", "ks", "second_moment", "mean", "duplicate_rows",
                        "duplicate_columns", "lag1_correlation");
        // bfloat16 N(1, 1e-4): every value falls on a few grid values, so identical rows prove nothing
        assertThat(plan("normal(mean=1,stddev=0.0001)", Layout.PYTORCH, Precision.BFLOAT16, true, 64, 64))
                .containsExactly("finite", "ks", "second_moment", "mean", "tail", "lag1_correlation");
    }

    @Test
    void theRegistryHasOneCheckPerTensorCheckNameFiniteFirst() {
        List<CheckName> names = CheckPlan.ALL.stream().map(Check::name).toList();
        Set<CheckName> perTensor = EnumSet.complementOf(EnumSet.of(CheckName.CROSS_CORRELATION, CheckName.TIED,
                CheckName.STREAM_REUSE));
        assertThat(names).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(perTensor);
        assertThat(names.get(0)).isEqualTo(CheckName.FINITE);
        Set<CheckName> stochastic = CheckPlan.ALL.stream().filter(Check::stochastic).map(Check::name)
                .collect(Collectors.toSet());
        assertThat(stochastic).containsExactlyInAnyOrder(CheckName.ENDPOINT, CheckName.KS, CheckName.SECOND_MOMENT,
                CheckName.MEAN, CheckName.TAIL, CheckName.LAG1_CORRELATION);
    }
}
