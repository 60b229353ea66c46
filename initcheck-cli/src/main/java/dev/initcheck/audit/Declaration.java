package dev.initcheck.audit;

import dev.initcheck.app.TensorCheck;
import dev.initcheck.scheme.Scheme;
import java.util.Objects;

/**
 * What a tensor was declared to be, and by whom.
 *
 * @param kind   a law to check, a tensor to skip, or a tie to another tensor
 * @param origin who declared it, in words: {@code policy rule 3 (*.bias)} or
 *               {@code torch preset: Linear bias, U(±1/√fan_in) with fan_in 64 of lin.weight}
 * @param scheme the law ({@link Kind#SCHEME} only)
 * @param spec   layout and fan overrides the law is resolved with ({@link Kind#SCHEME} only)
 * @param tiedTo the tensor it must equal bit for bit ({@link Kind#TIED} only)
 */
public record Declaration(Kind kind, String origin, Scheme scheme, TensorCheck.TensorSpec spec, String tiedTo) {
    /** The kinds of declaration. */
    public enum Kind { SCHEME, SKIP, TIED }

    public Declaration {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
    }

    static Declaration scheme(String origin, Scheme scheme, TensorCheck.TensorSpec spec) {
        return new Declaration(Kind.SCHEME, origin, Objects.requireNonNull(scheme), Objects.requireNonNull(spec),
                null);
    }

    static Declaration skip(String origin) {
        return new Declaration(Kind.SKIP, origin, null, null, null);
    }

    static Declaration tied(String origin, String tiedTo) {
        return new Declaration(Kind.TIED, origin, null, null, Objects.requireNonNull(tiedTo));
    }
}
