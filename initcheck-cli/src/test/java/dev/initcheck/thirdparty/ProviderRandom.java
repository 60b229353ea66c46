package dev.initcheck.thirdparty;

import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A {@link java.util.Random} whose bits come from an injected {@link UniformRandomProvider}: the one sanctioned
 * way to hand our reproducible streams to a library that wants a {@code java.util.Random}.
 *
 * <p>{@link java.util.Random} derives every public method ({@code nextDouble}, {@code nextInt(bound)},
 * {@code nextGaussian}, ...) from the protected {@link #next(int)}; overriding that single method routes all of
 * them through the provider. {@code next(bits)} returns the high {@code bits} bits of {@code rng.nextInt()}, as
 * {@code java.util.Random} itself does with its 48-bit LCG state. The superclass' own seed is never used:
 * it is set to 0 at construction (no clock, no shared seed uniquifier) and {@link #setSeed(long)} refuses
 * afterwards, because re-seeding would silently detach the stream from its recorded provenance.
 */
public final class ProviderRandom extends java.util.Random {
    private static final long serialVersionUID = 1L;

    private final transient UniformRandomProvider rng;
    private final boolean constructed;

    public ProviderRandom(UniformRandomProvider rng) {
        super(0L); // java.util.Random(long) calls setSeed on subclasses; allowed only during construction
        this.rng = Objects.requireNonNull(rng, "rng");
        this.constructed = true;
    }

    /** The high {@code bits} bits of one 32-bit draw of the provider, as {@code java.util.Random#next} returns. */
    @Override
    protected int next(int bits) {
        return rng.nextInt() >>> (32 - bits);
    }

    /** @throws UnsupportedOperationException after construction: the stream belongs to the provider */
    @Override
    public synchronized void setSeed(long seed) {
        if (constructed) {
            throw new UnsupportedOperationException(
                    "ProviderRandom draws from an injected UniformRandomProvider; seed that provider instead");
        }
        super.setSeed(seed);
    }
}
