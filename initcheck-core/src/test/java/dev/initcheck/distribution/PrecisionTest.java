package dev.initcheck.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrecisionTest {

    @Test
    void ulpMatchesTheJdkForFloatAndDouble() {
        for (double x : new double[] {0.0442, 0.1, 1, 3.5, 1e-30, 0}) {
            assertThat(Precision.FLOAT32.ulp(x)).isEqualTo((double) Math.ulp((float) x));
            assertThat(Precision.FLOAT64.ulp(x)).isEqualTo(Math.ulp(x));
        }
    }

    @Test
    void halfAndBfloatSpacingFollowTheirMantissas() {
        // binary16: 1.0 has spacing 2^-10, 0.0625 = 2^-4 has 2^-14; below 2^-14 the subnormal step 2^-24
        assertThat(Precision.FLOAT16.ulp(1.0)).isEqualTo(Math.scalb(1.0, -10));
        assertThat(Precision.FLOAT16.ulp(0.0625)).isEqualTo(Math.scalb(1.0, -14));
        assertThat(Precision.FLOAT16.ulp(1e-6)).isEqualTo(Math.scalb(1.0, -24));
        assertThat(Precision.BFLOAT16.ulp(1.0)).isEqualTo(Math.scalb(1.0, -7));
        assertThat(Precision.BFLOAT16.ulp(-3.0)).isEqualTo(Math.scalb(1.0, -6));
        assertThat(Precision.FLOAT32.unitRoundoff()).isEqualTo(Math.scalb(1.0, -24));
    }

    @Test
    void parseAcceptsCommonSpellingsAndListsChoices() {
        assertThat(Precision.parse("bf16")).isEqualTo(Precision.BFLOAT16);
        assertThat(Precision.parse(" Float32 ")).isEqualTo(Precision.FLOAT32);
        assertThatThrownBy(() -> Precision.parse("int8")).hasMessageContaining("valid: float16");
    }
}
