package dev.initcheck.readme;

import dev.initcheck.junit.InitializerContract;
import dev.initcheck.scheme.Initializer;

// README:contract:begin
class ReadmeContractExampleTest implements InitializerContract {
    @Override
    public Initializer initializer() {
        return (shape, rng) -> { // your initializer; PyTorch layout [out, in, *kernel]
            double bound = Math.sqrt(6.0 / (shape.size() / shape.dim(0)));
            double[] w = new double[Math.toIntExact(shape.size())];
            for (int i = 0; i < w.length; i++) {
                w[i] = bound * (2 * rng.nextDouble() - 1);
            }
            return w;
        };
    }

    @Override
    public String declaredScheme() {
        return "he_uniform";
    }
}
// README:contract:end
