package dev.initcheck.junit;

import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.shape.Layout;

/** The contract for the reference he_uniform sampler in PyTorch layout: every default test passes. */
class ReferenceHeUniformContractTest implements InitializerContract {
    @Override
    public Initializer initializer() {
        return ReferenceInitializer.of("he_uniform", Layout.PYTORCH);
    }

    @Override
    public String declaredScheme() {
        return "he_uniform";
    }
}
