package dev.initcheck.report;

import dev.initcheck.check.CheckResult;
import java.util.Locale;

/**
 * junit.xml in the format CI dashboards read (Ant/Surefire JUnit XML): one {@code <testsuite>}, one
 * {@code <testcase>} per (tensor, check) with classname {@code initcheck.<scheme>.<shape>_<layout>} and the check's
 * id as name; {@code <failure message=...>} for a check that rejected, {@code <skipped/>} for one that did not run.
 * The symmetry demonstration adds one test case per training run ({@code initcheck.symmetry}); a tensor of a file that
 * was not checked (not a float tensor) is a {@code <skipped/>} test case of classname {@code initcheck.skipped}.
 */
public final class JunitXml {
    private JunitXml() {
    }

    public static String write(Report r, double elapsedSeconds) {
        StringBuilder cases = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (TensorResult t : r.tensors()) {
            for (CheckResult c : t.verdict().checks()) {
                tests++;
                cases.append("    <testcase classname=\"").append(attr(Ids.junitClass(t))).append("\" name=\"")
                        .append(attr(c.name().id())).append("\" time=\"0\"");
                if (c.outcome() == CheckResult.Outcome.PASSED) {
                    cases.append("/>\n");
                    continue;
                }
                cases.append(">\n");
                if (c.failed()) {
                    failures++;
                    cases.append("      <failure message=\"").append(attr(c.message())).append("\" type=\"")
                            .append(attr(c.name().id())).append("\">").append(text(t.verdict().explain()))
                            .append("</failure>\n");
                } else {
                    skipped++;
                    cases.append("      <skipped message=\"").append(attr(c.message())).append("\"/>\n");
                }
                cases.append("    </testcase>\n");
            }
        }
        for (Report.Skipped x : r.skipped()) {
            tests++;
            skipped++;
            cases.append("    <testcase classname=\"initcheck.skipped\" name=\"").append(attr(x.file() + " ["
                    + x.tensor() + "]")).append("\" time=\"0\">\n      <skipped message=\"")
                    .append(attr(x.dtype() + ": " + x.reason())).append("\"/>\n    </testcase>\n");
        }
        if (r.symmetry() != null) {
            for (SymmetrySection.Trace tr : r.symmetry().traces()) {
                tests++;
                String name = tr.label() + (tr.expectSymmetric() ? " stays symmetric" : " breaks symmetry");
                cases.append("    <testcase classname=\"initcheck.symmetry\" name=\"").append(attr(name))
                        .append("\" time=\"0\"");
                if (tr.asExpected()) {
                    cases.append("/>\n");
                } else {
                    failures++;
                    cases.append(">\n      <failure message=\"").append(attr(name + ": not as expected"))
                            .append("\"/>\n    </testcase>\n");
                }
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + String.format(Locale.ROOT, "<testsuites tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\">%n",
                        tests, failures, skipped)
                + String.format(Locale.ROOT,
                        "  <testsuite name=\"initcheck.%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" "
                                + "time=\"%.3f\" timestamp=\"%s\">%n",
                        attr(r.info().command()), tests, failures, skipped, elapsedSeconds,
                        attr(timestamp(r.info().generatedAt())))
                + cases + "  </testsuite>\n</testsuites>\n";
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
