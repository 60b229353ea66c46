package dev.initcheck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** bench.md: machine, JDK, n, each median and ratio, and the command that reproduces them. */
public final class BenchReport {
    private BenchReport() {
    }

    public static String markdown(Benchmark.Result r, String command) {
        StringBuilder b = new StringBuilder("# initcheck benchmark\n\n");
        b.append("Reproduce: `mvn -q -DskipTests package && ").append(command).append("`\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| date | ").append(Instant.now().toString(), 0, 10).append(" |\n");
        b.append("| machine | ").append(cpu()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ").append(memory()).append(" |\n");
        b.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append(" |\n");
        b.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(" |\n");
        b.append("| scipy | ").append(r.scipyVersion() != null ? r.scipyVersion() + " (" + r.python() + ")" : "not found")
                .append(" |\n");
        b.append("| repeats | ").append(r.config().repeats()).append(" timed runs per tool after warm-up (Hipparchus: ")
                .append(Math.min(3, r.config().repeats())).append("); medians in seconds |\n\n");
        b.append("What is timed on the same in-memory float64 samples:\n");
        b.append("- **initcheck streaming**: bin edges for the law (2^16 bins) + one parallel pass (moments and binned KS)"
                + " + every check of the family (finite, support, endpoint, ks, second_moment, mean, tail, lag1); D is the"
                + " lower bound D_lo (D_lo <= D <= D_lo + 1/65536).\n");
        b.append("- **initcheck exact**: sorted copy, exact D, and every check including duplicate rows/columns.\n");
        b.append("- **Hipparchus**: `KolmogorovSmirnovTest.kolmogorovSmirnovTest(distribution, data, false)` (KS only).\n");
        b.append("- **scipy**: `scipy.stats.kstest(x, law.cdf)` (KS only), timed inside Python on the same values read "
                + "from a .npy file.\n\n");
        b.append("| n | law | initcheck streaming | initcheck exact | Hipparchus KS | scipy kstest | scipy / streaming | "
                + "scipy / exact | D exact | D_lo streaming | D scipy |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Benchmark.Row row : r.rows()) {
            double scipy = row.scipy() != null ? row.scipy().median() : Double.NaN;
            b.append(String.format(Locale.ROOT, "| %,d | %s `%s` | %.4f | %.4f | %.3f | %s | %s | %s | %.6g | %.6g | %s |%n",
                    row.n(), row.family(), row.scheme(), row.streaming().median(), row.exact().median(),
                    row.hipparchus().median(), fmt(scipy, "%.3f"), fmt(scipy / row.streaming().median(), "%.1f×"),
                    fmt(scipy / row.exact().median(), "%.1f×"), row.dExact(), row.dStreaming(),
                    fmt(row.dScipy(), "%.6g")));
        }
        if (r.endToEnd() != null) {
            long n = r.config().endToEndElements();
            b.append(String.format(Locale.ROOT, "%n**End to end**: `%s` on %,d float32 values (%.0f MB .npy), "
                            + "a fresh JVM per run, start-up included: median %.2f s (min %.2f, max %.2f, %d runs).%n",
                    EndToEnd.commandLine(n), n, n * 4 / 1e6, r.endToEnd().median(), r.endToEnd().min(),
                    r.endToEnd().max(), r.endToEnd().seconds().length));
        }
        return b.toString();
    }

    private static String fmt(double v, String f) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, f, v) : "–";
    }

    private static String cpu() {
        return read("/proc/cpuinfo").flatMap(s -> s.lines().filter(l -> l.startsWith("model name")).findFirst())
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(System.getProperty("os.arch"));
    }

    private static String memory() {
        return read("/proc/meminfo").flatMap(s -> s.lines().filter(l -> l.startsWith("MemTotal")).findFirst())
                .map(l -> String.format(Locale.ROOT, "%.0f GiB",
                        Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .orElse("memory unknown");
    }

    private static Optional<String> read(String path) {
        try {
            return Optional.of(Files.readString(Path.of(path)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
