package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.distribution.Precision;
import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real tensors made by numpy and PyTorch ({@code scripts/reference/check_fixtures.py}, {@code torch_fixtures.py}):
 * every honest declaration conforms and every mis-declared one is rejected, at the default budget 1e-6 per tensor.
 * Where the mis-declared law's support excludes some values, the support check must be among the reasons.
 */
class FixtureVerdictTest {
    private static final Path FIXTURES = Paths.get("src", "test", "resources", "fixtures");
    private static final double ALPHA = AlphaBudget.DEFAULT_TOTAL;

    private static Verdict verdict(double[] x, String scheme, String shape, String layout, String dtype) {
        Expectation e = Scheme.parse(scheme).resolve(Shape.parse(shape), Layout.parse(layout));
        return Conformance.check(x, e, dtype.endsWith("f8") ? Precision.FLOAT64 : Precision.FLOAT32, ALPHA);
    }

    @Test
    void numpyAndTorchFixturesHonestAndMisdeclared() throws IOException {
        int honest = 0;
        int rejected = 0;
        for (Map<String, String> r : ReferenceCsv.read(FIXTURES.resolve("check/fixtures.csv"))) {
            double[] x = Npy.read(FIXTURES.resolve("check").resolve(r.get("file")));
            String what = r.get("file") + " declared ";
            if (!r.get("honest_scheme").isEmpty()) {
                Verdict v = verdict(x, r.get("honest_scheme"), r.get("shape"), r.get("layout"), r.get("dtype"));
                assertThat(v.passed()).as(what + r.get("honest_scheme") + ":\n" + v.explain()).isTrue();
                honest++;
            }
            Verdict bad = verdict(x, r.get("misdeclared_scheme"), r.get("shape"), r.get("layout"), r.get("dtype"));
            assertThat(bad.passed()).as(what + r.get("misdeclared_scheme") + " (" + r.get("why") + ")").isFalse();
            if (ReferenceCsv.num(r.get("outside_support_misdeclared")) > 0 && bad.expectation().distribution()
                    .isBounded()) {
                assertThat(bad.failures()).extracting(CheckResult::name).as(bad.explain()).contains(CheckName.SUPPORT);
            }
            rejected++;
        }
        assertThat(honest).isGreaterThanOrEqualTo(9);
        assertThat(rejected).isGreaterThanOrEqualTo(11);
    }

    @Test
    void torchFixturesFollowTheirDeclarations() throws IOException {
        int count = 0;
        for (Map<String, String> r : ReferenceCsv.read(FIXTURES.resolve("torch/declarations.csv"))) {
            Path file = FIXTURES.resolve("torch").resolve(r.get("file"));
            double[] x = r.get("file").endsWith(".npy") ? Npy.read(file) : Npy.read(file, r.get("tensor"));
            Verdict v = verdict(x, r.get("declared_scheme"), r.get("shape"), r.get("layout"), "<f4");
            String what = r.get("file") + " " + r.get("tensor") + " declared " + r.get("declared_scheme") + " ("
                    + r.get("note") + "):\n" + v.explain();
            assertThat(v.passed()).as(what).isEqualTo(Boolean.parseBoolean(r.get("honest")));
            count++;
        }
        assertThat(count).isGreaterThan(20);
    }
}
