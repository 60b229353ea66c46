package dev.initcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListCommandTest {
    /** Kept for the other CLI tests: {@link CliRun}. */
    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void listsEveryScheme() {
        CliRun r = run("list");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("glorot_uniform", "U(±sqrt(6/(fan_in+fan_out)))", "torch.linear_default",
                "U(±1/sqrt(fan_in)); Var = 1/(3·fan_in)", "orthogonal");
    }

    @Test
    void printsTheNumbersForAShape() {
        CliRun r = run("list", "--shape", "256,512", "--layout", "pytorch");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("fan_in=512 fan_out=256").containsPattern("he_uniform\\s+uniform\\s+0.00390625");
    }

    @Test
    void oneSchemeOnAConvShape() {
        CliRun r = run("list", "--scheme", "he_normal", "--shape", "3,3,32,64", "--layout", "keras");
        assertThat(r.out()).contains("fan_in=288").contains("truncated_normal").doesNotContain("glorot");
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        for (String[] args : new String[][] {
            {"list", "--scheme", "he_nromal", "--shape", "3"},
            {"list", "--shape", "0,3"},
            {"list", "--layout", "tf", "--shape", "3,3"},
            {"list", "--scheme", "normal(stddev=-1)"},
            {"list", "--no-such-option"}}) {
            CliRun r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).startsWith("initcheck: ").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(r.out()).isEmpty();
        }
    }
}
