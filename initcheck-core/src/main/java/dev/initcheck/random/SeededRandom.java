package dev.initcheck.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A named generator and its seed: everything needed to reproduce a stream of random numbers. Every result that
 * used randomness records one of these. Sub-streams for independent tasks (one per tensor, per try) come from
 * {@link #derive(String)}, a stable hash of the label mixed into the seed, so runs do not depend on ordering.
 */
public record SeededRandom(RandomSource source, long seed) {

    /** The default generator: xoroshiro128++ (Commons RNG), fast and of good statistical quality. */
    public static final RandomSource DEFAULT_SOURCE = RandomSource.XO_RO_SHI_RO_128_PP;

    public static SeededRandom of(long seed) {
        return new SeededRandom(DEFAULT_SOURCE, seed);
    }

    /** A fresh provider positioned at the start of this stream. */
    public UniformRandomProvider create() {
        return source.create(seed);
    }

    /** An independent, reproducible stream for {@code label}. */
    public SeededRandom derive(String label) {
        long h = 0xcbf29ce484222325L; // FNV-1a 64
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return new SeededRandom(source, mix(seed ^ mix(h)));
    }

    /** The splitmix64 finaliser (Steele, Lea and Flood 2014). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** {@code XO_RO_SHI_RO_128_PP seed=42}. */
    @Override
    public String toString() {
        return source.name() + " seed=" + seed;
    }
}
