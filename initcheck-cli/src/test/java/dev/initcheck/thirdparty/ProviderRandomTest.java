package dev.initcheck.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initcheck.random.SeededRandom;
import java.util.Random;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class ProviderRandomTest {

    @Test
    void everyDrawComesFromTheProvider() {
        UniformRandomProvider a = SeededRandom.of(7).create();
        UniformRandomProvider b = SeededRandom.of(7).create();
        Random r = new ProviderRandom(a);
        // java.util.Random.nextInt() = next(32) = the provider's 32-bit draw
        for (int i = 0; i < 100; i++) {
            assertThat(r.nextInt()).isEqualTo(b.nextInt());
        }
        // nextDouble() = ((next(26) << 27) + next(27)) * 2^-53: two provider draws, high bits
        int hi = b.nextInt() >>> 6;
        int lo = b.nextInt() >>> 5;
        assertThat(r.nextDouble()).isEqualTo((((long) hi << 27) + lo) * 0x1.0p-53);
    }

    @Test
    void sameSeedSameStreamDifferentSeedDifferentStream() {
        double[] x = draws(new ProviderRandom(SeededRandom.of(1).create()));
        double[] y = draws(new ProviderRandom(SeededRandom.of(1).create()));
        double[] z = draws(new ProviderRandom(SeededRandom.of(2).create()));
        assertThat(x).containsExactly(y);
        assertThat(x).isNotEqualTo(z);
    }

    @Test
    void refusesToBeReseeded() {
        Random r = new ProviderRandom(SeededRandom.of(1).create());
        assertThatThrownBy(() -> r.setSeed(3)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("seed that provider");
    }

    private static double[] draws(Random r) {
        double[] d = new double[16];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextGaussian();
        }
        return d;
    }
}
