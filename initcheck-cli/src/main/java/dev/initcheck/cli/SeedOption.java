package dev.initcheck.cli;

import picocli.CommandLine.Option;

/** {@code --seed}: the seed every random stream of the run derives from (any 64-bit integer). */
final class SeedOption {
    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
            description = "Seed every random stream of the run derives from (default: ${DEFAULT-VALUE}).")
    long seed;

    long value() {
        return seed;
    }
}
