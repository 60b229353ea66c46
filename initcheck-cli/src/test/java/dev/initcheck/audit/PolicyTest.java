package dev.initcheck.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.initcheck.shape.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTest {
    @TempDir
    Path dir;

    static final String YAML = """
            layout: pytorch              # default for every rule
            rules:                       # first match wins
              - match: "*.ln_*.weight"
                scheme: ones
              - match: "*.bias"
                scheme: zeros
              - match: "lm_head.weight"
                tied_to: "wte.weight"
              - match: "*.c_proj.weight"
                scheme: "normal(stddev=0.0057735)"
                fan_in: 768
              - match: "re:h\\\\.[0-9]+\\\\.attn\\\\..*"
                scheme: skip
              - match: "*"
                scheme: "normal(stddev=0.02)"
            """;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void theIssueSyntaxReadsAsYamlAndAsJsonWithTheSameRules() throws IOException {
        Policy y = Policy.read(write("p.yaml", YAML));
        Policy j = Policy.read(write("p.json", """
                {"layout": "pytorch", "rules": [
                  {"match": "*.ln_*.weight", "scheme": "ones"},
                  {"match": "*.bias", "scheme": "zeros"},
                  {"match": "lm_head.weight", "tied_to": "wte.weight"},
                  {"match": "*.c_proj.weight", "scheme": "normal(stddev=0.0057735)", "fan_in": 768},
                  {"match": "re:h\\\\.[0-9]+\\\\.attn\\\\..*", "scheme": "skip"},
                  {"match": "*", "scheme": "normal(stddev=0.02)"}]}
                """));
        for (Policy p : new Policy[] {y, j}) {
            assertThat(p.layout()).isEqualTo(Layout.PYTORCH);
            assertThat(p.rules()).hasSize(6);
            assertThat(p.match("h.0.ln_1.weight").orElseThrow().scheme().toString()).isEqualTo("ones");
            assertThat(p.match("transformer.h.11.mlp.c_fc.bias").orElseThrow().number()).isEqualTo(2);
            assertThat(p.match("lm_head.weight").orElseThrow().tiedTo()).isEqualTo("wte.weight");
            assertThat(p.match("x.c_proj.weight").orElseThrow().fanIn()).isEqualTo(768L);
            assertThat(p.match("h.3.attn.c_attn.weight").orElseThrow().skip()).isTrue();
            assertThat(p.match("xh.3.attn.c_attn.weight").orElseThrow().number()).isEqualTo(6); // regex is anchored
            assertThat(p.match("wte.weight").orElseThrow().describe()).isEqualTo("policy rule 6 (*)");
        }
    }

    @Test
    void globsCoverTheWholeName() {
        NamePattern g = NamePattern.parse("*.ln_?.weight");
        assertThat(g.matches("a.b.ln_1.weight")).isTrue();
        assertThat(g.matches("a.b.ln_12.weight")).isFalse();
        assertThat(g.matches("a.b.ln_1.weight2")).isFalse();
        assertThat(NamePattern.parse("w(1)+.bias").matches("w(1)+.bias")).isTrue(); // regex characters are literal
        assertThat(NamePattern.parse("wte.weight").matches("xwte.weight")).isFalse();
    }

    @Test
    void mistakesAreOneLineNamingTheFileAndTheRule() throws IOException {
        String[][] cases = {
                {"rules:\n  - match: \"*\"\n    schem: ones\n", "rule 1: unknown key 'schem'"},
                {"rules:\n  - match: \"*\"\n    scheme: \"he_normal(gain=\"\n", "rule 1 (*): "},
                {"rules:\n  - match: \"*\"\n", "rule 1 (*): give exactly one of 'scheme' and 'tied_to'"},
                {"rules:\n  - scheme: ones\n", "rule 1: 'match' is required"},
                {"rules:\n  - match: \"re:(\"\n    scheme: ones\n", "rule 1: invalid regular expression"},
                {"rules:\n  - match: a\n    scheme: ones\n    fan_in: -3\n", "fan_in: must be a positive integer"},
                {"layout: sideways\nrules: []\n", "layout: must be pytorch or keras"},
                {"rules: {a: 1}\n", "'rules' must be a list"},
                {"rules:\n  - match: a\n    scheme: ones\n  - match: b\n    tied_to: a\n    fan_in: 3\n",
                        "rule 2 (b): a tied_to rule takes no layout or fans"},
                {"rules: [\n", "not valid YAML"},
                {"preset: keras\nrules: []\n", "unknown preset 'keras'"},
                {"rules: []\nrules: []\n", "not valid YAML"},
        };
        for (String[] c : cases) {
            Path f = write("bad.yaml", c[0]);
            assertThatThrownBy(() -> Policy.read(f)).as(c[0]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(f.toString()).hasMessageContaining(c[1])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        assertThatThrownBy(() -> Policy.read(write("p.txt", YAML))).hasMessageContaining("a .yaml, .yml or .json");
        assertThatThrownBy(() -> Policy.read(dir.resolve("missing.yaml"))).hasMessageContaining("no such policy");
    }
}
