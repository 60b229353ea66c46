package dev.initcheck.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A named generator and its seed: everything needed to reproduce a stream of random numbers. Every result that
 * used randomness records one of these. Sub-streams for independent tasks (one per tensor, per try) come from
 * {@link #derive(String)}, a stable hash of the label mixed into the seed, so runs do not depend on ordering.
 *
 * @param source the Commons RNG generator
 * @param seed its seed; the same source and seed give the same stream on every run and machine
 */
public record SeededRandom(RandomSource source, long seed) {

    /** The default generator: xoroshiro128++ (Commons RNG), fast and of good statistical quality. */
    public static final RandomSource DEFAULT_SOURCE = RandomSource.XO_RO_SHI_RO_128_PP;

    /**
     * The {@link #DEFAULT_SOURCE} generator with a seed.
     *
     * @param seed any long
     * @return the stream
     */
    public static SeededRandom of(long seed) {
        return new SeededRandom(DEFAULT_SOURCE, seed);
    }

    /**
     * A fresh provider positioned at the start of this stream: two calls give two providers that produce the same
     * numbers.
     *
     * @return a new generator seeded with {@link #seed()}
     */
    public UniformRandomProvider create() {
        return source.create(seed);
    }

    /**
     * An independent, reproducible stream for a label: seed' = splitmix64(seed XOR splitmix64(FNV-1a-64(label as
     * UTF-8))), same source. Depends on the label and this seed only, not on how many streams were derived before.
     *
     * @param label names the task, e.g. a tensor's name or {@code "try" + k}
     * @return the derived stream
     */
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

    /**
     * The source's name and the seed.
     *
     * @return e.g. {@code XO_RO_SHI_RO_128_PP seed=42}
     */
    @Override
    public String toString() {
        return source.name() + " seed=" + seed;
    }
}
