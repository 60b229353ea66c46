package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code initcheck check} end to end on the numpy/torch-written fixtures (reader, dtype to precision, exit codes):
 * honest declarations exit 0, mis-declarations exit 1. The fixtures' mis-declarations are far beyond the detectable
 * errors at n of about 2·10^4 (see fixtures.csv: why, and the KS p-values and support counts scipy measured).
 */
class CheckCommandFixturesTest {
    private static final Path DIR = Paths.get("src", "test", "resources", "fixtures", "check");

    static int check(String file, String scheme, String layout, StringWriter out) {
        return Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "check",
                DIR.resolve(file).toString(), "--scheme", scheme, "--layout", layout);
    }

    @Test
    void honestFixturesPassAndMisdeclaredOnesFail() throws IOException {
        int rows = 0;
        for (Map<String, String> r : ReferenceCsv.read(DIR.resolve("fixtures.csv"))) {
            StringWriter out = new StringWriter();
            if (!r.get("honest_scheme").isEmpty()) {
                assertThat(check(r.get("file"), r.get("honest_scheme"), r.get("layout"), out))
                        .as("%s declared %s:%n%s", r.get("file"), r.get("honest_scheme"), out).isZero();
            }
            out = new StringWriter();
            assertThat(check(r.get("file"), r.get("misdeclared_scheme"), r.get("layout"), out))
                    .as("%s declared %s (%s):%n%s", r.get("file"), r.get("misdeclared_scheme"), r.get("why"), out)
                    .isEqualTo(1);
            assertThat(out.toString()).contains("FAIL");
            rows++;
        }
        assertThat(rows).isGreaterThanOrEqualTo(11);
    }
}
