package dev.initcheck.audit;

import dev.initcheck.app.TensorCheck.TensorSpec;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.shape.Layout;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Laws for the tensors no policy rule declares, inferred from state_dict names and shapes alone. A tensor a preset
 * cannot place is left undeclared (and identified), never guessed. Below, {@code m} is the module path (the name
 * up to its last dot) and fans are PyTorch's own ({@code torch.nn.init._calculate_fan_in_and_fan_out}):
 * fan_in = size(1)·∏size(2:), fan_out = size(0)·∏size(2:).
 *
 * <p><b>{@code torch}</b>: what PyTorch's modules do when nothing else initializes them (torch/nn/modules).
 * <ol>
 *   <li>{@code m.num_batches_tracked}: skipped; {@code m.running_mean}: zeros; {@code m.running_var}: ones
 *       (BatchNorm/InstanceNorm buffers); {@code m.inv_freq}: skipped (rotary embedding frequencies, a
 *       deterministic buffer older checkpoints save; both presets).</li>
 *   <li>RNN/LSTM/GRU {@code m.weight_ih_lK}, {@code weight_hh_lK}, {@code weight_hr_lK}, {@code bias_ih_lK},
 *       {@code bias_hh_lK} (and {@code _reverse}): U(±1/√hidden_size), hidden_size read from
 *       {@code m.weight_hr_l0} (size(1)) when the LSTM has projections, else from {@code m.weight_hh_l0}
 *       (size(1)).</li>
 *   <li>MultiheadAttention: {@code m.in_proj_weight} and {@code m.q_proj_weight}/{@code k_proj_weight}/
 *       {@code v_proj_weight}: xavier_uniform on their own shape; {@code m.in_proj_bias} and {@code m.out_proj.bias}
 *       (when {@code m} has an input projection): zeros; {@code m.bias_k}, {@code m.bias_v}: xavier_normal.</li>
 *   <li>{@code m.weight} with an {@code m.bias} of the same shape (any rank), or of rank 1 beside
 *       {@code m.running_mean}: LayerNorm/GroupNorm/BatchNorm, weight ones and bias zeros. A rank-1 weight with
 *       neither (a PReLU slope, 0.25; a LayerNorm without bias) is left undeclared.</li>
 *   <li>{@code m.weight} of rank ≥ 3: ConvNd/ConvTransposeNd, kaiming_uniform_(a=√5) = U(±1/√fan_in). A Bilinear
 *       weight (out, in1, in2) looks the same but is U(±1/√in1): declare it in the policy.</li>
 *   <li>{@code m.weight} of rank 2: Linear, U(±1/√fan_in), when {@code m.bias} exists or the module's own name does not
 *       say embedding; Embedding, N(0, 1), when there is no {@code m.bias} and the module's name contains
 *       {@code emb} or is {@code wte} or {@code wpe} (letter case ignored). The rule used is printed. An Embedding
 *       with {@code padding_idx} has that row zeroed, which the law does not allow for on a small vocabulary.</li>
 *   <li>{@code m.bias} beside a weight of rank ≥ 2: U(±1/√fan_in) with the <em>weight's</em> fan_in.</li>
 * </ol>
 *
 * <p><b>{@code hf}</b>: the common {@code _init_weights} of Hugging Face models (GPT-2, BERT, LLaMA and most
 * others): every weight of rank ≥ 2 (Linear, Conv1D, Embedding) N(0, initializer_range); every bias zeros; every
 * weight of rank 1 (LayerNorm, RMSNorm) ones; BatchNorm buffers as in {@code torch}. For GPT-2
 * ({@code config.json} with {@code model_type} {@code gpt2}), every {@code c_proj.weight} is
 * N(0, initializer_range/√(2·n_layer)), the scaled residual projections of {@code GPT2PreTrainedModel._init_weights}.
 * initializer_range comes from {@code --initializer-range}, the policy, or {@code config.json}, in that order.
 * Models whose {@code _init_weights} differ (truncated normals in ViT, zero-initialized RMSNorm) declare those
 * tensors in the policy; its rules come first.
 *
 * <p>Both presets leave undeclared every tensor of rank 0 and every other name (e.g. a {@code cls_token}).
 */
public enum Preset {
    /** PyTorch's module defaults. */
    TORCH,
    /** Hugging Face's common {@code _init_weights}. */
    HF;

    private static final Pattern RNN = Pattern.compile("(weight|bias)_(ih|hh|hr)_l\\d+(_reverse)?");
    private static final Pattern EMBEDDING = Pattern.compile("(?i)(.*emb.*|wte|wpe)");

    /** {@code torch} or {@code hf}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code torch} or {@code hf}.
     *
     * @throws IllegalArgumentException for any other word
     */
    public static Preset parse(String text) {
        for (Preset p : values()) {
            if (p.id().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + text + "' (valid: torch, hf)");
    }

    /**
     * What the preset declares for one tensor.
     *
     * @param name   the tensor's name
     * @param shapes every tensor of the checkpoint (float or not) by name, for the siblings
     * @param config the model's settings the preset reads (initializer range, GPT-2 depth)
     * @return the declaration, or empty when the preset cannot place the tensor
     */
    public Optional<Declaration> place(String name, Map<String, long[]> shapes, ModelConfig config) {
        long[] shape = shapes.get(name);
        if (shape == null || shape.length == 0) {
            return Optional.empty();
        }
        int dot = name.lastIndexOf('.');
        String m = dot < 0 ? "" : name.substring(0, dot + 1); // module path with its dot, "" at top level
        String leaf = name.substring(dot + 1);
        String tag = id() + " preset: ";
        switch (leaf) {
            case "num_batches_tracked":
                return Optional.of(Declaration.skip(tag + "BatchNorm step counter"));
            case "running_mean":
                return law(tag + "BatchNorm running_mean", "zeros");
            case "running_var":
                return law(tag + "BatchNorm running_var", "ones");
            case "inv_freq":
                return Optional.of(Declaration.skip(tag + "rotary embedding frequencies, a deterministic buffer"));
            default:
                break;
        }
        return this == TORCH ? torch(name, m, leaf, shape, shapes, tag) : hf(name, leaf, shape, config, tag);
    }

    private static Optional<Declaration> torch(String name, String m, String leaf, long[] shape,
                                               Map<String, long[]> shapes, String tag) {
        if (RNN.matcher(leaf).matches()) {
            long[] hr = shapes.get(m + "weight_hr_l0");
            long[] hh = shapes.get(m + "weight_hh_l0");
            long[] from = hr != null ? hr : hh;
            if (from == null || from.length != 2) {
                return Optional.empty();
            }
            String source = m + (hr != null ? "weight_hr_l0" : "weight_hh_l0");
            return uniformFan(tag + "RNN/LSTM/GRU parameter, U(±1/√hidden_size), hidden_size " + from[1] + " from "
                    + source, from[1]);
        }
        switch (leaf) {
            case "in_proj_weight", "q_proj_weight", "k_proj_weight", "v_proj_weight":
                return law(tag + "MultiheadAttention " + leaf + ", xavier_uniform", "torch.xavier_uniform");
            case "in_proj_bias":
                return law(tag + "MultiheadAttention in_proj_bias", "zeros");
            case "bias_k", "bias_v":
                return law(tag + "MultiheadAttention " + leaf + ", xavier_normal", "torch.xavier_normal");
            default:
                break;
        }
        if (leaf.equals("bias") && m.endsWith("out_proj.")) {
            String mha = m.substring(0, m.length() - "out_proj.".length());
            if (shapes.containsKey(mha + "in_proj_weight") || shapes.containsKey(mha + "q_proj_weight")) {
                return law(tag + "MultiheadAttention out_proj.bias", "zeros");
            }
        }
        long[] sibling = shapes.get(m + (leaf.equals("weight") ? "bias" : "weight"));
        boolean norm = sibling != null && java.util.Arrays.equals(sibling, shape)
                || shape.length == 1 && shapes.containsKey(m + "running_mean");
        if (norm && (leaf.equals("weight") || leaf.equals("bias"))) {
            return leaf.equals("weight") ? law(tag + "norm weight (LayerNorm/GroupNorm/BatchNorm)", "ones")
                    : law(tag + "norm bias", "zeros");
        }
        if (leaf.equals("weight")) {
            if (shape.length == 1) {
                return Optional.empty(); // a PReLU slope or a LayerNorm without bias: not guessed
            }
            if (shape.length >= 3) {
                return law(tag + "ConvNd/ConvTransposeNd weight, U(±1/√fan_in)", "torch.linear_default");
            }
            String module = m.isEmpty() ? "" : m.substring(0, m.length() - 1);
            module = module.substring(module.lastIndexOf('.') + 1);
            if (!shapes.containsKey(m + "bias") && EMBEDDING.matcher(module).matches()) {
                return law(tag + "Embedding weight, N(0, 1) (no bias; the module name '" + module
                        + "' says embedding)", "normal(stddev=1)");
            }
            return law(tag + "Linear weight, U(±1/√fan_in)" + (shapes.containsKey(m + "bias") ? ""
                    : " (no bias; the module name does not say embedding)"), "torch.linear_default");
        }
        if (leaf.equals("bias")) {
            long[] w = shapes.get(m + "weight");
            if (w == null || w.length == 0) {
                return Optional.empty();
            }
            if (w.length == 1) {
                return Optional.empty(); // beside a rank-1 weight of another shape: not a norm this preset knows
            }
            long fanIn = w[1];
            for (int i = 2; i < w.length; i++) {
                fanIn *= w[i];
            }
            return uniformFan(tag + "bias of " + m + "weight, U(±1/√fan_in) with its weight's fan_in " + fanIn,
                    fanIn);
        }
        return Optional.empty();
    }

    private static Optional<Declaration> hf(String name, String leaf, long[] shape, ModelConfig config,
                                            String tag) {
        if (leaf.equals("bias")) {
            return law(tag + "bias", "zeros");
        }
        if (!leaf.equals("weight")) {
            return Optional.empty();
        }
        if (shape.length == 1) {
            return law(tag + "norm weight (LayerNorm/RMSNorm)", "ones");
        }
        double range = config.initializerRange(name);
        if ((name.endsWith(".c_proj.weight") || name.equals("c_proj.weight")) && config.gpt2Layers().isPresent()) {
            int layers = config.gpt2Layers().getAsInt();
            double sd = range / Math.sqrt(2.0 * layers);
            return law(tag + "GPT-2 residual projection, N(0, initializer_range/√(2·n_layer)) = N(0, " + range
                    + "/√" + (2 * layers) + ")", "normal(stddev=" + sd + ")");
        }
        return law(tag + "Linear/Embedding weight, N(0, initializer_range " + range + ")",
                "normal(stddev=" + range + ")");
    }

    private static Optional<Declaration> law(String origin, String scheme) {
        return Optional.of(Declaration.scheme(origin, Scheme.parse(scheme), TensorSpec.of(Layout.PYTORCH)));
    }

    private static Optional<Declaration> uniformFan(String origin, long fanIn) {
        return Optional.of(Declaration.scheme(origin, Scheme.parse("torch.linear_default"),
                new TensorSpec(Layout.PYTORCH, fanIn, null, null)));
    }
}
