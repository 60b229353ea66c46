package dev.initcheck.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.initcheck.cli.CliRun;
import dev.initcheck.cli.Main;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code initcheck propagate} through {@link dev.initcheck.cli.Main#run}. */
class PropagateCommandTest {

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void defaultTextPrintsTheSeedTable() {
        CliRun r = run("propagate");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("propagate: widths 100,50,50,50,50,50, activation tanh, batch 1000, seed 42, "
                + "layout pytorch");
        assertThat(lines.get(1)).contains("scheme", "layer", "mean", "std", "saturated", "predicted_std");
        assertThat(lines).hasSize(2 + 20 + 4);
        assertThat(lines.get(2)).startsWith("small_random").contains(" 1 ");
        assertThat(lines.subList(22, 26)).containsExactly("small_random: vanishing", "large_random: saturating",
                "glorot_uniform: stable", "he_normal: stable");
        PropagationRow first = PropagationTable.seedExperiment().rows().get(0);
        assertThat(lines.get(2)).contains(String.format(java.util.Locale.ROOT, "%.6g", first.std()));
    }

    @Test
    void jsonIsAListOfRowObjects() throws Exception {
        CliRun r = run("propagate", "--format", "json", "--widths", "20,10,10", "--activation", "relu",
                "--schemes", "he_normal,normal(stddev=0.1,mean=0),constant(value=0.1)", "--batch", "50", "--seed", "5",
                "--layout", "keras");
        assertThat(r.code()).as(r.err()).isZero();
        List<Map<String, Object>> rows = new ObjectMapper().readValue(r.out(), new TypeReference<>() {
        });
        assertThat(rows).hasSize(6);
        assertThat(rows.get(0).keySet()).containsExactly("scheme", "activation", "layer", "mean", "std", "saturated",
                "predicted_std", "regime"); // the documented names, in this order
        assertThat(rows.get(0)).containsEntry("scheme", "he_normal").containsEntry("activation", "relu")
                .containsEntry("layer", 1).containsEntry("saturated", 0.0);
        assertThat(rows.get(2).get("scheme")).isEqualTo("normal(stddev=0.1,mean=0)"); // canonical spelling
        assertThat(rows.get(4).get("predicted_std")).isNull(); // constant weights: theory does not apply
        assertThat((Double) rows.get(1).get("predicted_std")).isPositive();
    }

    /** The regime the text prints is in every JSON row of its scheme. */
    @Test
    void jsonRowsCarryTheRegimeTheTextPrints() throws Exception {
        CliRun r = run("propagate", "--format", "json");
        List<Map<String, Object>> rows = new ObjectMapper().readValue(r.out(), new TypeReference<>() {
        });
        Map<Object, java.util.Set<Object>> regimes = new java.util.LinkedHashMap<>();
        rows.forEach(row -> regimes.computeIfAbsent(row.get("scheme"), k -> new java.util.HashSet<>())
                .add(row.get("regime")));
        assertThat(regimes).containsExactly(Map.entry("small_random", java.util.Set.of("vanishing")),
                Map.entry("large_random", java.util.Set.of("saturating")),
                Map.entry("glorot_uniform", java.util.Set.of("stable")), Map.entry("he_normal", java.util.Set.of("stable")));
    }

    @Test
    void textShowsNotApplicableForNonZeroMeanWeights() {
        CliRun r = run("propagate", "--schemes", "ones", "--widths", "4,3", "--batch", "5");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().toList().get(2)).endsWith("n/a");
    }

    @Test
    void badInputGivesOneLineAndExitTwo() {
        String[][] cases = {
                {"propagate", "--activation", "gelu"},
                {"propagate", "--schemes", "glorot_uniform,no_such_scheme"},
                {"propagate", "--widths", "100,0,50"},
                {"propagate", "--widths", "100"},
                {"propagate", "--widths", "100,abc"},
                {"propagate", "--batch", "0"},
                {"propagate", "--format", "xml"},
                {"propagate", "--layout", "tf"},
        };
        String[] expected = {"unknown activation 'gelu'", "unknown scheme 'no_such_scheme'", "width must be >= 1, got 0",
                "at least one layer width", "not a comma-separated list", "--batch must be >= 2, got 0",
                "--format must be text or json, got 'xml'",
                "unknown layout 'tf'"};
        for (int i = 0; i < cases.length; i++) {
            CliRun r = run(cases[i]);
            assertThat(r.code()).as(String.join(" ", cases[i])).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().lines()).as(r.err()).hasSize(1);
            assertThat(r.err()).startsWith("initcheck: ").contains(expected[i]);
        }
    }
}
