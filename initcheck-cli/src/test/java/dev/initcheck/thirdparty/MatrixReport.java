package dev.initcheck.thirdparty;

import dev.initcheck.check.CheckResult;
import dev.initcheck.scheme.Expectation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders the third-party matrix as Markdown: one section per group of libraries, assembled into one document. */
final class MatrixReport {

    /** Where one section's numbers come from. */
    record Provenance(String command, long seed, String generator, String date, String jdk, List<String> libraries) {
    }

    private MatrixReport() {
    }

    /** The document: title, how to regenerate each section, the legend, then the sections in order. */
    static String document(List<String> sections, List<String> commands) {
        StringBuilder b = new StringBuilder("# Third-party weight initializers against their own documentation\n\n"
                + "Written by `dev.initcheck.thirdparty.ThirdPartyMatrix`; regenerate, do not edit. Each section is"
                + " written by its own command (from the repository root; one profile per run: DL4J and TensorFlow"
                + " Java need different JavaCPP versions) and kept in `reports/third-party/`; every run"
                + " re-assembles this file from the sections there. Every deviation has a report for the library's"
                + " maintainers in `reports/upstream/` (index: `reports/upstream/README.md`).\n\n");
        for (String c : commands) {
            b.append("- `").append(c).append("`\n");
        }
        b.append("\nDeclared by: **doc** = the library's Javadoc or the paper it cites; **name** = no formula is"
                + " documented (or the documented one contradicts the name), so the name's standard formula;"
                + " **code** = the formula read from the source, a control row that shows the adapter and the"
                + " reading are right. sd = root mean square about the declared mean; max|w| = largest |w - mean|;"
                + " ratio = measured / declared; KS D = sup|F_n - F| against the declared CDF (for a constant: the"
                + " share of values that differ). Each tensor spends a false-alarm probability of "
                + fmt(ThirdPartyMatrix.ALPHA_PER_TENSOR) + ", split equally among its stochastic checks.\n\n");
        sections.forEach(b::append);
        return b.toString();
    }

    /** How each library of a section takes its randomness from the row's stream (only the libraries it holds). */
    private static final Map<String, String> SEEDING = Map.of(
            "org.encog:encog-core", "Encog: every draw comes from the stream through a java.util.Random adapter",
            "org.beykery:neuroph", "Neuroph: every draw comes from the stream through a java.util.Random adapter",
            "com.edwardraff:JSAT", "JSAT: every draw comes from the stream through a java.util.Random adapter",
            "com.github.haifengl:smile-core", "SMILE: its thread-local generator is seeded from the stream",
            "org.deeplearning4j:deeplearning4j-nn", "DL4J: the configuration seed is drawn from that stream,"
                    + " ND4J's native generator does the rest",
            "org.tensorflow:tensorflow-framework", "TensorFlow: the initializer's seed is drawn from that stream,"
                    + " its stateless Philox ops do the rest",
            "ai.djl:api", "DJL: PyTorch's generator is seeded with an int from that stream",
            "com.deepnetts:deepnetts-core", "Deep Netts: its java.util.Random is seeded with a long from that stream");

    static String seeding(List<MatrixRow> rows) {
        return rows.stream().map(r -> r.thirdParty().library()).distinct()
                .map(l -> SEEDING.getOrDefault(l, l + ": see its adapter")).collect(Collectors.joining("; "));
    }

    /** One section: title, provenance, one table row per case, then the findings. */
    static String section(String title, List<MatrixRow> rows, Provenance p) {
        StringBuilder b = new StringBuilder();
        long passed = rows.stream().filter(r -> r.verdict().passed()).count();
        b.append("## ").append(title).append("\n\n")
                .append("- Command: `").append(p.command()).append("`\n")
                .append("- Seed: ").append(p.seed()).append("; row values drawn from `SeededRandom.of(")
                .append(p.seed()).append(").derive(row label)`, generator ").append(p.generator())
                .append(" (").append(seeding(rows)).append(")\n")
                .append("- Date: ").append(p.date()).append("\n")
                .append("- JDK: ").append(p.jdk()).append("\n")
                .append("- Libraries: ").append(String.join("; ", p.libraries())).append('\n');
        b.append(String.format(Locale.ROOT, "- False alarms: %d rows spend at most %s in all%n", rows.size(),
                fmt(ThirdPartyMatrix.ALPHA_PER_TENSOR * rows.size())));
        b.append(String.format(Locale.ROOT, "- Outcome: %d of %d rows conform to the declared law%n%n", passed,
                rows.size()));
        table(b, rows);
        findings(b, rows);
        return b.toString();
    }

    private static void table(StringBuilder b, List<MatrixRow> rows) {
        b.append("| # | library | initializer | tensor | declared by | documentation says | declared"
                + " scheme -> law | shape (layout) | n | verdict | sd measured / declared (ratio) | max abs"
                + " measured / bound (ratio) | KS D |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        int i = 1;
        for (MatrixRow r : rows) {
            ThirdPartyCase c = r.thirdParty();
            Expectation e = r.verdict().expectation();
            MeasuredLaw m = r.measured();
            b.append("| ").append(i++).append(" | ").append(c.library().replaceFirst("^.*:", "")).append(' ')
                    .append(c.version()).append(" | ").append(cell(c.initializer())).append(" | ").append(c.tensor())
                    .append(" | ").append(basis(c.basis())).append(" | ").append(cell(c.documented()))
                    .append(" | `").append(c.scheme()).append("` -> ").append(cell(e.distribution().describe()))
                    .append(" | ").append(c.shape()).append(' ').append(c.layout().id()).append(" | ")
                    .append(m.n()).append(" | ").append(verdict(r)).append(" | ")
                    .append(pair(m.sd(), m.declaredSd(), m.sdRatio())).append(" | ")
                    .append(pair(m.maxAbs(), m.declaredHalfWidth(), m.boundRatio())).append(" | ")
                    .append(fmt(m.ksD())).append(" |\n");
        }
        b.append('\n');
    }

    private static void findings(StringBuilder b, List<MatrixRow> rows) {
        b.append("### Findings and failures\n\n");
        int i = 1;
        for (MatrixRow r : rows) {
            int row = i++;
            if (r.verdict().passed() && r.thirdParty().finding() == null) {
                continue;
            }
            ThirdPartyCase c = r.thirdParty();
            b.append("#### Row ").append(row).append(": ").append(c.initializer()).append(' ').append(c.tensor())
                    .append(" (").append(c.library()).append(':').append(c.version()).append(")\n\n");
            b.append("- Declared (").append(basis(c.basis())).append("): ").append(c.documented()).append(" -> `")
                    .append(c.scheme()).append("` = ").append(r.verdict().expectation().distribution().describe())
                    .append('\n');
            if (c.finding() != null) {
                b.append("- Source: ").append(c.finding().evidence()).append('\n');
            }
            MeasuredLaw m = r.measured();
            b.append(String.format(Locale.ROOT, "- Measured / declared (ratio): sd %s, max|w| %s; measured mean %s,"
                    + " KS D %s, range [%s, %s]%n", pair(m.sd(), m.declaredSd(), m.sdRatio()),
                    pair(m.maxAbs(), m.declaredHalfWidth(), m.boundRatio()), fmt(m.mean()), fmt(m.ksD()),
                    fmt(m.min()), fmt(m.max())));
            for (CheckResult f : r.verdict().failures()) {
                b.append("- `").append(f.name().id()).append("` rejected: ").append(f.message()).append('\n');
            }
            b.append(power(r)).append("- ").append(r.asExpected() ? "As expected" : "**UNEXPECTED**")
                    .append("; values from ").append(r.source()).append("\n\n");
        }
    }

    private static String power(MatrixRow r) {
        double d = r.detectableScaleError();
        if (!Double.isFinite(d)) {
            return "";
        }
        double off = Math.abs(r.measured().sdRatio() - 1);
        return String.format(Locale.ROOT, "- Power: the second-moment check detects a %s scale error at n = %d"
                + " (power 0.999 at its alpha share); the measured sd is off by %s%n", pct(d), r.measured().n(),
                pct(off));
    }

    private static String verdict(MatrixRow r) {
        if (r.verdict().passed()) {
            return r.asExpected() ? "conforms" : "conforms (**UNEXPECTED**)";
        }
        return "**rejected** (" + String.join(", ", r.failedChecks()) + ")" + (r.asExpected() ? "" : " **UNEXPECTED**");
    }

    private static String basis(ThirdPartyCase.Basis basis) {
        return switch (basis) {
            case DOCUMENTATION -> "doc";
            case NAME -> "name";
            case IMPLEMENTATION -> "code";
        };
    }

    private static String pair(double measured, double declared, double ratio) {
        if (!Double.isFinite(declared) || declared == 0) {
            return fmt(measured) + " / " + (declared == 0 ? "0" : "unbounded");
        }
        return fmt(measured) + " / " + fmt(declared) + " (" + fmt(ratio) + ")";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.3g%%", 100 * v);
    }
}
