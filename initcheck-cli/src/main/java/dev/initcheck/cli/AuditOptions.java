package dev.initcheck.cli;

import dev.initcheck.app.TensorCheck;
import dev.initcheck.audit.AuditRequest;
import dev.initcheck.audit.Preset;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of an audit that say what to declare and how to judge it ({@code --policy}, {@code --preset},
 * {@code --initializer-range}, {@code --alpha}, {@code --ks}, {@code --strict}), shared by {@code initcheck audit}
 * and the distributed audit so that both accept and refuse exactly the same values.
 */
public final class AuditOptions {
    @Option(names = "--policy", paramLabel = "FILE", description = "The policy (.yaml, .yml or .json): rules "
            + "'match' (glob or re:REGEX) -> 'scheme' (catalogue grammar or skip) or 'tied_to'; first match wins.")
    Path policy;

    @Option(names = "--preset", paramLabel = "P", description = "Laws for tensors no rule matches: torch (PyTorch "
            + "module defaults) or hf (Hugging Face _init_weights). Default: the policy's, else none.")
    String preset;

    @Option(names = "--initializer-range", paramLabel = "R", description = "The hf preset's standard deviation "
            + "(default: the policy's, then config.json's initializer_range).")
    Double initializerRange;

    @Mixin
    AlphaOption alpha;

    @Option(names = "--ks", defaultValue = "auto", description = "KS path: exact, streaming or auto (default "
            + "${DEFAULT-VALUE}).")
    String ks;

    @Option(names = "--strict", description = "Exit 1 also when a tensor is inconclusive.")
    boolean strict;

    /**
     * The request for the checkpoint at {@code path}.
     *
     * @param cl   the command line, for usage errors (exit 2)
     * @param path the checkpoint: a tensor file or a model directory
     * @return the validated request
     * @throws ParameterException for an unknown preset, a non-positive initializer range or an unknown KS path
     */
    public AuditRequest request(CommandLine cl, Path path) {
        Preset p = null;
        if (preset != null) {
            try {
                p = Preset.parse(preset);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(cl, "--preset: " + e.getMessage());
            }
        }
        if (initializerRange != null && !(initializerRange > 0 && Double.isFinite(initializerRange))) {
            throw new ParameterException(cl, "--initializer-range must be a positive number, got "
                    + initializerRange);
        }
        TensorCheck.KsMode mode = Options.ksMode(cl, ks);
        return new AuditRequest(path, policy, p, initializerRange, alpha.value(), strict, mode);
    }
}
