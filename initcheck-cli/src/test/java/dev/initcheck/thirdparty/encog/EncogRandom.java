package dev.initcheck.thirdparty.encog;

import dev.initcheck.thirdparty.ProviderRandom;
import java.util.Random;
import org.apache.commons.rng.UniformRandomProvider;
import org.encog.mathutil.randomize.generate.AbstractGenerateRandom;

/**
 * Encog's random source ({@code org.encog.mathutil.randomize.generate.GenerateRandom}) backed by our stream.
 *
 * <p>Encog 3.4 randomizers draw from a {@code GenerateRandom} ({@code BasicRandomizer.setRandom},
 * {@code XaiverRandomizer.setRandom}); its only {@code java.util.Random} wrapper, {@code BasicGenerateRandom},
 * creates its own {@code new Random(seed)} and cannot take one. This class is the same thin wrapper around a
 * {@link ProviderRandom}, so every draw comes from the injected {@link UniformRandomProvider}.
 * {@code AbstractGenerateRandom} supplies {@code nextDouble(low, high) = low + nextDouble()·(high - low)}, the
 * formula every Encog range randomizer uses.
 */
final class EncogRandom extends AbstractGenerateRandom {
    private final Random random;

    EncogRandom(UniformRandomProvider rng) {
        this.random = new ProviderRandom(rng);
    }

    @Override
    public double nextGaussian() {
        return random.nextGaussian();
    }

    @Override
    public boolean nextBoolean() {
        return random.nextBoolean();
    }

    @Override
    public long nextLong() {
        return random.nextLong();
    }

    @Override
    public float nextFloat() {
        return random.nextFloat();
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }

    @Override
    public int nextInt() {
        return random.nextInt();
    }
}
