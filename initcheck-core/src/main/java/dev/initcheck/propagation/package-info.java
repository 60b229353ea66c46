/**
 * How weight initializers shape the signal in a deep dense network, and whether they break the symmetry between
 * hidden units.
 *
 * <ul>
 *   <li>{@link dev.initcheck.propagation.Propagation} measures: a batch of N(0, 1) inputs forward through sampled
 *       weights ({@link dev.initcheck.propagation.ForwardMeasurement}: per-layer pre-activation variance,
 *       activation mean, std, saturated fraction) and a unit-variance gradient backward
 *       ({@link dev.initcheck.propagation.BackwardMeasurement}).</li>
 *   <li>{@link dev.initcheck.propagation.MeanField} predicts the same figures in the infinite-width limit
 *       (He et al. 2015; Poole et al. 2016; Schoenholz et al. 2017), with Gaussian expectations from
 *       {@link dev.initcheck.propagation.ActivationMoments} (closed forms, {@link dev.initcheck.propagation.GaussHermite},
 *       or a panel rule where Gauss–Hermite is inaccurate).</li>
 *   <li>{@link dev.initcheck.propagation.MeanFieldBand} decides whether a measurement agrees with the prediction,
 *       within a band derived from the network's own fluctuations; {@link dev.initcheck.propagation.Regime} names
 *       the outcome (vanishing, saturating, exploding, stable).</li>
 *   <li>{@link dev.initcheck.propagation.PropagationTable} is seed document 000's experiment as rows
 *       ({@link dev.initcheck.propagation.PropagationRow}).</li>
 *   <li>{@link dev.initcheck.propagation.SymmetryBreaking} finds identical rows and trains a small
 *       {@link dev.initcheck.propagation.Mlp} on a {@link dev.initcheck.propagation.RegressionTask} to show that a
 *       constant initialization stays exactly symmetric and that random weights or dropout break it.</li>
 *   <li>Training speed: {@link dev.initcheck.propagation.TrainingStudy} trains deep MLPs
 *       ({@link dev.initcheck.propagation.Trainer}, SGD with momentum) on a synthetic
 *       {@link dev.initcheck.propagation.TrainingTask} from each scheme and from the data-dependent initializers
 *       {@link dev.initcheck.propagation.Pretraining} (greedy layer-wise autoencoders) and
 *       {@link dev.initcheck.propagation.Lsuv}; {@link dev.initcheck.propagation.TrainingClaims} tests the seed
 *       documents' claims by paired sign tests ({@link dev.initcheck.propagation.PairedComparison}).</li>
 * </ul>
 * Randomness is always passed in ({@link dev.initcheck.random.SeededRandom}); nothing here prints.
 *
 * <p><b>Internal.</b> Public only so that initcheck-testing (the JUnit contract's propagation test) and initcheck-cli
 * (suite, reports, {@code train}) can use it; not part of the supported API and without any compatibility promise.
 * Its public types are listed by name in {@code docs/api/initcheck-core.txt}, so that a type made public here is a
 * deliberate change.
 */
package dev.initcheck.propagation;
