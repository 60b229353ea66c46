package dev.initcheck.junit;

import dev.initcheck.scheme.Initializer;
import dev.initcheck.scheme.ReferenceInitializer;
import dev.initcheck.shape.Layout;

/** The contract for the reference glorot_normal sampler in Keras layout, with its own seed. */
class KerasGlorotNormalContractTest implements InitializerContract {
    @Override
    public Initializer initializer() {
        return ReferenceInitializer.of("glorot_normal", Layout.KERAS);
    }

    @Override
    public String declaredScheme() {
        return "glorot_normal";
    }

    @Override
    public Layout layout() {
        return Layout.KERAS;
    }

    @Override
    public long seed() {
        return 7;
    }
}
