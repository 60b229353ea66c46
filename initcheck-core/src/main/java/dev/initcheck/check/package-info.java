/**
 * The checks of a tensor against its declared law, under one false-alarm budget, and their verdicts.
 * {@link dev.initcheck.check.Conformance} runs the plan a law gets (one class per check behind the package-private
 * {@code Check}; {@code CheckPlan} orders them) and returns a {@link dev.initcheck.check.Verdict} of
 * {@link dev.initcheck.check.CheckResult}s: data (statistic, threshold, false-alarm share, p-value, detectable scale
 * error, message) that the AssertJ/JUnit messages, text, JSON and HTML reports render. A run's budget is an
 * {@link dev.initcheck.check.AlphaBudget}; it hands out {@link dev.initcheck.check.AlphaShare}s (validated once,
 * split equally by Bonferroni) for tensors and tensor pairs, and {@code Conformance} splits a tensor's share among its
 * stochastic checks. {@link dev.initcheck.check.Power} gives the smallest scale error a check detects;
 * {@link dev.initcheck.check.LawFit} and {@link dev.initcheck.check.Identification} fit or find the law of an
 * undeclared tensor; {@link dev.initcheck.check.PooledConformance} checks an initializer on one shape.
 *
 * <p><b>Supported API.</b> The public types of this package are initcheck's supported library API: their signatures
 * are listed in {@code docs/api/initcheck-core.txt} and guarded by {@code ApiSurfaceTest}. The individual checks,
 * their intervals and the p-value methods are package-private.
 */
package dev.initcheck.check;
