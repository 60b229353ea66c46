package dev.initcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CalibrateCommandTest {

    @Test
    void printsATableForEveryLawAndCheck() {
        CliRun r = ListCommandTest.run("calibrate", "--runs", "300", "--shape", "20,10");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("| ks | uniform | 300 |", "| tail | normal | 300 |",
                "| endpoint | truncated_normal | 300 |", "Reproduce: `java -jar target/initcheck.jar calibrate");
    }

    @Test
    void badArgumentsExitTwo() {
        assertThat(ListCommandTest.run("calibrate", "--alpha", "2").code()).isEqualTo(2);
        assertThat(ListCommandTest.run("calibrate", "--shape", "0,1").code()).isEqualTo(2);
    }
}
