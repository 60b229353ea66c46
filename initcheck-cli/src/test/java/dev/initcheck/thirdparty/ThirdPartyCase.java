package dev.initcheck.thirdparty;

import dev.initcheck.scheme.Expectation;
import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.Objects;
import java.util.Set;

/**
 * One third-party initializer, one tensor shape, and the law it is held to.
 *
 * @param library     Maven coordinates without version, e.g. {@code org.encog:encog-core}
 * @param version     the library version the adapter was written against
 * @param initializer the initializer with its parameters, as a user would write it
 * @param tensor      which tensor of the layer: {@code weights} or {@code biases}
 * @param documented  what the library's documentation says, quoted briefly (or where the declaration comes from)
 * @param basis       whether {@code scheme} is what the documentation declares or what the code does
 * @param scheme      the initcheck scheme the entries are held to, resolved for {@code shape} and {@code layout}
 * @param shape       the tensor shape in {@code layout}
 * @param layout      how the library stores the tensor ({@link Layout#PYTORCH} [out, in] or {@link Layout#KERAS} [in, out])
 * @param precision   the storage format of the values: {@code float64} (Encog) or {@code float32} (ND4J's default)
 * @param adapter     draws the tensor through the library, with injected randomness, in C order of {@code shape}
 * @param finding     non-null where the library is known to deviate from {@code scheme}: the evidence and the
 *                    checks that must reject it
 */
public record ThirdPartyCase(String library, String version, String initializer, String tensor, String documented,
                             Basis basis, String scheme, Shape shape, Layout layout, String precision,
                             Initializer adapter, Finding finding) {

    /** Where the declared law comes from. */
    public enum Basis {
        /** The library's Javadoc, or the paper it cites: what a user is promised. */
        DOCUMENTATION,
        /** Only the initializer's name (no formula documented, or one that contradicts the name): the formula the
         *  name stands for in the literature. */
        NAME,
        /** The formula read from the library's source: what it does. Such rows test the adapter and the reading. */
        IMPLEMENTATION
    }

    /**
     * A deviation of the library from its declared law.
     *
     * @param evidence  the source line(s) responsible, quoted, with file
     * @param rejecting the checks (by {@code CheckName.id()}) that must reject the sample
     */
    public record Finding(String evidence, Set<String> rejecting) {
        public Finding {
            Objects.requireNonNull(evidence, "evidence");
            rejecting = Set.copyOf(rejecting);
        }
    }

    public ThirdPartyCase {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(adapter, "adapter");
        Scheme.parse(scheme); // fail fast on a malformed declaration
    }

    /** The exact law the entries are held to. */
    public Expectation expectation() {
        return Scheme.parse(scheme).resolve(shape, layout);
    }

    /** A stable label for seeds and test names: {@code encog-core RangeRandomizer(-0.5, 0.5) weights [256, 512]}. */
    public String label() {
        return library + ":" + version + " " + initializer + " " + tensor + " " + shape + " " + basis;
    }

    /** The same case under an expected deviation. */
    public ThirdPartyCase withFinding(String evidence, String... rejecting) {
        return new ThirdPartyCase(library, version, initializer, tensor, documented, basis, scheme, shape, layout,
                precision, adapter, new Finding(evidence, Set.of(rejecting)));
    }
}
