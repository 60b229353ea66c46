package dev.initcheck.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The presets' rules on the state_dict names and shapes PyTorch and Hugging Face modules produce. */
class PresetTest {
    static final Map<String, long[]> TORCH = new LinkedHashMap<>();

    static {
        put("lin.weight", 64, 32);
        put("lin.bias", 64);
        put("proj.weight", 16, 64);
        put("conv2.weight", 64, 4, 3, 3);
        put("conv2.bias", 64);
        put("deconv.weight", 16, 8, 3, 3);
        put("deconv.bias", 8);
        put("embed.weight", 1000, 32);
        put("ln.weight", 32);
        put("ln.bias", 32);
        put("bn.weight", 16);
        put("bn.running_mean", 16);
        put("bn.running_var", 16);
        put("lstm.weight_ih_l0", 192, 32);
        put("lstm.weight_hh_l0", 192, 48);
        put("lstm.bias_ih_l1_reverse", 192);
        put("lstmp.weight_hh_l0", 160, 12);
        put("lstmp.weight_hr_l0", 12, 40);
        put("lstmp.bias_hh_l0", 160);
        put("mha.in_proj_weight", 96, 32);
        put("mha.in_proj_bias", 96);
        put("mha.out_proj.weight", 32, 32);
        put("mha.out_proj.bias", 32);
        put("mha_kv.bias_k", 1, 1, 32);
        put("head.out_proj.bias", 10);
        put("head.out_proj.weight", 10, 32);
        put("cls_token", 1, 1, 32);
        put("scale", new long[0]);
        put("prelu.weight", 1);
        put("ln2.weight", 4, 8);
        put("ln2.bias", 4, 8);
        put("tok_proj.weight", 16, 64);
        put("layers.0.rotary_emb.inv_freq", 32);
    }

    private static void put(String name, long... shape) {
        TORCH.put(name, shape);
    }

    private static String torch(String name) {
        return describe(Preset.TORCH.place(name, TORCH, ModelConfig.none()));
    }

    private static String describe(Optional<Declaration> d) {
        if (d.isEmpty()) {
            return "undeclared";
        }
        Declaration x = d.get();
        return switch (x.kind()) {
            case SKIP -> "skip";
            case TIED -> "tied " + x.tiedTo();
            case SCHEME -> x.scheme() + (x.spec().fanIn() == null ? "" : " fan_in=" + x.spec().fanIn());
        };
    }

    @Test
    void torchPresetPlacesEveryModuleDefault() {
        assertThat(torch("lin.weight")).isEqualTo("torch.linear_default");
        assertThat(torch("lin.bias")).isEqualTo("torch.linear_default fan_in=32");
        assertThat(torch("proj.weight")).isEqualTo("torch.linear_default");
        assertThat(torch("conv2.weight")).isEqualTo("torch.linear_default");
        assertThat(torch("conv2.bias")).isEqualTo("torch.linear_default fan_in=36");
        assertThat(torch("deconv.bias")).isEqualTo("torch.linear_default fan_in=72"); // torch's own fan_in: size(1)·k
        assertThat(torch("embed.weight")).isEqualTo("normal(stddev=1)");
        assertThat(torch("ln.weight")).isEqualTo("ones");
        assertThat(torch("ln.bias")).isEqualTo("zeros");
        assertThat(torch("bn.running_mean")).isEqualTo("zeros");
        assertThat(torch("bn.running_var")).isEqualTo("ones");
        assertThat(torch("lstm.weight_ih_l0")).isEqualTo("torch.linear_default fan_in=48");
        assertThat(torch("lstm.bias_ih_l1_reverse")).isEqualTo("torch.linear_default fan_in=48");
        assertThat(torch("lstmp.weight_hh_l0")).isEqualTo("torch.linear_default fan_in=40"); // hidden, not proj
        assertThat(torch("lstmp.bias_hh_l0")).isEqualTo("torch.linear_default fan_in=40");
        assertThat(torch("mha.in_proj_weight")).isEqualTo("torch.xavier_uniform");
        assertThat(torch("mha.in_proj_bias")).isEqualTo("zeros");
        assertThat(torch("mha.out_proj.bias")).isEqualTo("zeros");
        assertThat(torch("mha.out_proj.weight")).isEqualTo("torch.linear_default");
        assertThat(torch("mha_kv.bias_k")).isEqualTo("torch.xavier_normal");
        assertThat(torch("head.out_proj.bias")).isEqualTo("torch.linear_default fan_in=32"); // not an MHA
        assertThat(torch("cls_token")).isEqualTo("undeclared");
        assertThat(torch("scale")).isEqualTo("undeclared");
        assertThat(torch("prelu.weight")).isEqualTo("undeclared"); // PReLU's 0.25 is not a norm's ones
        assertThat(torch("ln2.weight")).isEqualTo("ones"); // LayerNorm((4, 8)): weight and bias of one shape
        assertThat(torch("ln2.bias")).isEqualTo("zeros");
        assertThat(torch("tok_proj.weight")).isEqualTo("torch.linear_default"); // "tok" alone is no embedding
        assertThat(torch("layers.0.rotary_emb.inv_freq")).isEqualTo("skip"); // deterministic, not a weight
        assertThat(Preset.TORCH.place("proj.weight", TORCH, ModelConfig.none()).orElseThrow().origin())
                .contains("no bias; the module name does not say embedding");
    }

    @Test
    void hfPresetReadsTheRangeAndGpt2Depth() throws Exception {
        Map<String, long[]> m = new LinkedHashMap<>();
        m.put("transformer.wte.weight", new long[] {2048, 64});
        m.put("transformer.h.0.attn.c_proj.weight", new long[] {64, 64});
        m.put("transformer.h.0.attn.c_proj.bias", new long[] {64});
        m.put("transformer.h.0.ln_1.weight", new long[] {64});
        var config = new ObjectMapper().readTree("{\"model_type\": \"gpt2\", \"n_layer\": 4, "
                + "\"initializer_range\": 0.03}");
        ModelConfig c = new ModelConfig(Optional.empty(), Optional.empty(), config, Path.of("config.json"));
        assertThat(describe(Preset.HF.place("transformer.wte.weight", m, c))).isEqualTo("normal(stddev=0.03)");
        assertThat(describe(Preset.HF.place("transformer.h.0.attn.c_proj.weight", m, c)))
                .isEqualTo("normal(stddev=" + 0.03 / Math.sqrt(8) + ")");
        assertThat(describe(Preset.HF.place("transformer.h.0.attn.c_proj.bias", m, c))).isEqualTo("zeros");
        assertThat(describe(Preset.HF.place("transformer.h.0.ln_1.weight", m, c))).isEqualTo("ones");
        ModelConfig flag = new ModelConfig(Optional.of(0.02), Optional.of(0.05), config, Path.of("config.json"));
        assertThat(describe(Preset.HF.place("transformer.wte.weight", m, flag))).isEqualTo("normal(stddev=0.02)");
        ModelConfig bert = new ModelConfig(Optional.empty(), Optional.empty(),
                new ObjectMapper().readTree("{\"model_type\": \"bert\", \"initializer_range\": 0.02}"), null);
        assertThat(describe(Preset.HF.place("transformer.h.0.attn.c_proj.weight", m, bert)))
                .isEqualTo("normal(stddev=0.02)");
        assertThatThrownBy(() -> Preset.HF.place("transformer.wte.weight", m, ModelConfig.none()))
                .hasMessageContaining("'transformer.wte.weight': the hf preset needs initializer_range")
                .hasMessageContaining("--initializer-range");
    }
}
