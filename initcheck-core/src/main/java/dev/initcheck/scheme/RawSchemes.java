package dev.initcheck.scheme;

import dev.initcheck.distribution.Normal;
import dev.initcheck.distribution.OrthogonalEntry;
import dev.initcheck.distribution.PointMass;
import dev.initcheck.distribution.TruncatedNormal;
import dev.initcheck.distribution.Uniform;
import java.util.List;

/**
 * Framework-neutral schemes (defaults follow Keras' RandomUniform/RandomNormal/TruncatedNormal: 0.05) and the
 * seed documents' schemes: small_random = 0.01·N(0,1) ({@code W = 0.01*np.random.randn(D,H)}), large_random = N(0,1).
 */
final class RawSchemes {
    private RawSchemes() {
    }

    static List<SchemeDefinition> all() {
        return List.of(
                new SchemeDefinition("zeros", "raw", "every weight is 0", "0", List.of(),
                        (a, f, s, l) -> PointMass.of(0)),
                new SchemeDefinition("ones", "raw", "every weight is 1", "1", List.of(),
                        (a, f, s, l) -> PointMass.of(1)),
                new SchemeDefinition("constant", "raw", "every weight equals value", "value",
                        List.of(Param.number("value", null)),
                        (a, f, s, l) -> PointMass.of(a.num("value"))),
                new SchemeDefinition("uniform", "raw", "U(-limit, limit) or U(min, max); default limit 0.05",
                        "U(-limit, limit) | U(min, max)",
                        List.of(Param.positive("limit", null).asOptional(), Param.number("min", null).asOptional(),
                                Param.number("max", null).asOptional()),
                        RawSchemes::uniform),
                new SchemeDefinition("normal", "raw", "N(mean, stddev), untruncated", "N(mean, stddev)",
                        List.of(Param.positive("stddev", "0.05"), Param.number("mean", "0")),
                        (a, f, s, l) -> Normal.of(a.num("mean"), a.num("stddev"))),
                new SchemeDefinition("truncated_normal", "keras",
                        "N(mean, stddev) cut at mean ± 2 stddev, no variance correction (Keras TruncatedNormal)",
                        "N(mean, stddev) truncated to mean ± 2·stddev; Var = 0.7737·stddev²",
                        List.of(Param.positive("stddev", "0.05"), Param.number("mean", "0")),
                        (a, f, s, l) -> TruncatedNormal.keras(a.num("mean"), a.num("stddev"))),
                new SchemeDefinition("small_random", "seed", "0.01·N(0,1), the seeds' small random weights",
                        "N(0, 0.01)", List.of(), (a, f, s, l) -> Normal.of(0, 0.01)),
                new SchemeDefinition("large_random", "seed", "N(0,1), the seeds' large random weights",
                        "N(0, 1)", List.of(), (a, f, s, l) -> Normal.of(0, 1)),
                new SchemeDefinition("orthogonal", "torch/keras",
                        "gain·Q, Q with orthonormal rows (or columns); checked as W·Wᵀ = gain²·I",
                        "W·Wᵀ = gain²·I on the layout's 2-D view; entry Var = gain²/max(rows, cols)",
                        List.of(Param.positive("gain", "1")), RawSchemes::orthogonal, Structure.ORTHOGONAL));
    }

    private static Uniform uniform(Args a, dev.initcheck.shape.Fans f, dev.initcheck.shape.Shape s,
                                   dev.initcheck.shape.Layout l) {
        boolean minMax = a.has("min") || a.has("max");
        if (minMax && a.has("limit")) {
            throw new SchemeException("uniform: give either limit=L or min=A,max=B, not both");
        }
        if (minMax) {
            if (!(a.has("min") && a.has("max"))) {
                throw new SchemeException("uniform: min and max must be given together");
            }
            if (!(a.num("min") < a.num("max"))) {
                throw new SchemeException("uniform: min (" + a.word("min") + ") must be smaller than max ("
                        + a.word("max") + ")");
            }
            return Uniform.of(a.num("min"), a.num("max"));
        }
        return Uniform.symmetric(a.has("limit") ? a.num("limit") : 0.05);
    }

    private static OrthogonalEntry orthogonal(Args a, dev.initcheck.shape.Fans f, dev.initcheck.shape.Shape s,
                                              dev.initcheck.shape.Layout l) {
        long[] rc = l.orthogonalMatrix(s);
        return OrthogonalEntry.of(a.num("gain"), Math.max(rc[0], rc[1]));
    }
}
