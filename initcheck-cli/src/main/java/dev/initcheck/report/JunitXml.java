package dev.initcheck.report;

import dev.initcheck.check.CheckResult;
import java.util.List;
import java.util.Locale;

/**
 * junit.xml in the format CI dashboards read (Ant/Surefire JUnit XML): one {@code <testsuite>}, one
 * {@code <testcase>} per tensor. Dashboards split a classname at its last dot into package and class, so the
 * classname is fixed and dot-free past its package, {@code initcheck.suite}, {@code initcheck.check} or
 * {@code initcheck.audit}, and the tensor is named in full in {@code name}: the run's label
 * ({@code he_uniform on [256, 512] (pytorch)}), {@code file [tensor]}, or the audited tensor's name. {@code time}
 * is the measured wall-clock time of reading (or generating) and checking that tensor, and is left out where
 * nothing was measured (a tensor not checked, the symmetry runs). A failing tensor has a {@code <failure>} naming
 * its failed checks, an inconclusive or undeclared one {@code <skipped>} with the reason; every check's outcome
 * and message are in {@code <system-out>}.
 */
public final class JunitXml {
    private JunitXml() {
    }

    public static String write(Report r, double elapsedSeconds) {
        StringBuilder cases = new StringBuilder();
        int[] n = new int[3]; // tests, failures, skipped
        String cls = "initcheck." + r.info().command();
        for (TensorResult t : r.tensors()) {
            n[0]++;
            String name = t.audit() != null && t.tensor() != null ? t.tensor() : t.label();
            open(cases, cls, name, t.seconds());
            List<CheckResult> failed = t.verdict().failures();
            String status = t.status();
            if (status.equals("fail")) {
                n[1]++;
                String msg = failed.isEmpty() ? "fails" : "failed: " + String.join(", ",
                        failed.stream().map(c -> c.name().id()).toList());
                cases.append("      <failure message=\"").append(attr(msg)).append("\" type=\"")
                        .append(failed.isEmpty() ? "fail" : attr(failed.get(0).name().id())).append("\">");
                failed.forEach(c -> cases.append(text(c.name().id() + ": " + c.message())).append('\n'));
                cases.append("</failure>\n");
            } else if (!status.equals("pass")) {
                n[2]++;
                String why = status + (status.equals("undeclared") && t.audit().fitted() != null
                        ? ": identified as " + t.audit().fitted() : ": " + HtmlReport.notPassed(t));
                cases.append("      <skipped message=\"").append(attr(why)).append("\"/>\n");
            }
            cases.append("      <system-out>");
            for (CheckResult c : t.verdict().checks()) {
                cases.append(text(c.name().id() + " " + c.outcome().id() + ": " + c.message())).append('\n');
            }
            cases.append("</system-out>\n    </testcase>\n");
        }
        for (Report.Skipped x : r.skipped()) {
            n[0]++;
            String name = r.info().command().equals("audit") ? x.tensor() : x.file() + " [" + x.tensor() + "]";
            cases.append("    <testcase classname=\"").append(cls).append("\" name=\"").append(attr(name))
                    .append("\">\n");
            if (x.status().equals("fail")) {
                n[1]++;
                cases.append("      <failure message=\"").append(attr(x.reason())).append("\" type=\"tied\"/>\n");
            } else if (!x.status().equals("pass")) {
                n[2]++;
                cases.append("      <skipped message=\"").append(attr(x.dtype() + ": " + x.reason())).append("\"/>\n");
            } else {
                cases.append("      <system-out>").append(text(x.reason())).append("</system-out>\n");
            }
            cases.append("    </testcase>\n");
        }
        if (r.symmetry() != null) {
            for (SymmetrySection.Trace tr : r.symmetry().traces()) {
                n[0]++;
                String name = tr.label() + (tr.expectSymmetric() ? " stays symmetric" : " breaks symmetry");
                cases.append("    <testcase classname=\"initcheck.symmetry\" name=\"").append(attr(name)).append('"');
                if (tr.asExpected()) {
                    cases.append("/>\n");
                } else {
                    n[1]++;
                    cases.append(">\n      <failure message=\"").append(attr(name + ": not as expected"))
                            .append("\"/>\n    </testcase>\n");
                }
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + String.format(Locale.ROOT, "<testsuites tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" "
                        + "time=\"%.3f\">%n", n[0], n[1], n[2], elapsedSeconds)
                + String.format(Locale.ROOT,
                        "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" "
                                + "time=\"%.3f\" timestamp=\"%s\">%n",
                        attr(cls), n[0], n[1], n[2], elapsedSeconds, attr(timestamp(r.info().generatedAt())))
                + cases + "  </testsuite>\n</testsuites>\n";
    }

    private static void open(StringBuilder b, String cls, String name, double seconds) {
        b.append("    <testcase classname=\"").append(cls).append("\" name=\"").append(attr(name)).append('"');
        if (Double.isFinite(seconds) && seconds >= 0) {
            b.append(String.format(Locale.ROOT, " time=\"%.6f\"", seconds));
        }
        b.append(">\n");
    }

    /** JUnit's timestamp has no zone: 2024-01-02T03:04:05. */
    private static String timestamp(String iso) {
        return iso.length() >= 19 ? iso.substring(0, 19) : iso;
    }

    static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
    }

    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> {
                    if (ch >= 0x20 || ch == '\n' || ch == '\t' || ch == '\r') {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }
}
