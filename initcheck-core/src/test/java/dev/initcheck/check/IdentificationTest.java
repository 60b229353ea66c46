package dev.initcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.initcheck.distribution.Precision;
import dev.initcheck.random.SeededRandom;
import dev.initcheck.scheme.Catalogue;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Fans;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * identify on reference samples of every catalogue scheme, [256, 512] PyTorch (fan_in 512 != fan_out 256, so the
 * Glorot, He and LeCun laws differ), seed 5: the scheme that made the values, or one with the same law, comes
 * first and passes. Each ranking spends 1e-6 false-alarm probability.
 */
class IdentificationTest {
    static final Shape SHAPE = Shape.of(256, 512);

    static List<Identification.Candidate> rank(Scheme s, Shape shape) {
        double[] w = ReferenceInitializer.of(s, Layout.PYTORCH).initialize(shape,
                SeededRandom.of(5).derive(s.toString()).create());
        return Identification.rank(w, shape, Layout.PYTORCH, Fans.of(shape, Layout.PYTORCH), Precision.FLOAT64,
                AlphaShare.of(1e-6));
    }

    static List<String> names(Identification.Candidate c) {
        List<String> all = new ArrayList<>(List.of(c.scheme().toString()));
        c.equivalent().forEach(e -> all.add(e.toString()));
        return all;
    }

    @Test
    void everyCatalogueSchemeIsRankedFirstOrTiedWithAnEquivalent() {
        for (Scheme s : Catalogue.defaults()) {
            List<Identification.Candidate> r = rank(s, SHAPE);
            assertThat(names(r.get(0))).as("%s ranked first: %s", s, names(r.get(0))).contains(s.toString());
            assertThat(r.get(0).passed()).as(s.toString()).isTrue();
            assertThat(r.stream().skip(1).filter(Identification.Candidate::passed)).as(s.toString()).isEmpty();
        }
    }

    @Test
    void schemesWithTheSameLawForTheShapeAreGrouped() {
        Identification.Candidate always = rank(Scheme.parse("glorot_uniform"), SHAPE).get(0);
        assertThat(names(always)).contains("glorot_uniform", "torch.xavier_uniform").doesNotContain("lecun_uniform");
        Identification.Candidate square = rank(Scheme.parse("lecun_uniform"), Shape.of(256, 256)).get(0);
        assertThat(names(square)).contains("lecun_uniform", "glorot_uniform", "torch.xavier_uniform");
    }

    @Test
    void valuesNoSchemeExplainsPassNothing() {
        double[] w = ReferenceInitializer.of("uniform(limit=0.3)", Layout.PYTORCH).initialize(SHAPE,
                SeededRandom.of(6).create());
        List<Identification.Candidate> r = Identification.rank(w, SHAPE, Layout.PYTORCH,
                Fans.of(SHAPE, Layout.PYTORCH), Precision.FLOAT64, AlphaShare.of(1e-6));
        assertThat(r).noneMatch(Identification.Candidate::passed);
        assertThat(r).isSortedAccordingTo(java.util.Comparator.comparingDouble(Identification.Candidate::distance));
    }
}
