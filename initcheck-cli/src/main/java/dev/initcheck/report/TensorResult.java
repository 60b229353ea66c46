package dev.initcheck.report;

import dev.initcheck.check.Verdict;
import dev.initcheck.shape.Shape;
import java.util.Locale;

/**
 * One checked tensor: its verdict, what its charts are drawn from, how long its checks took, and, in an audit, how
 * the audit sees it.
 *
 * @param file    the file the values came from; null when generated
 * @param tensor  the tensor's name inside the file; null when generated or unnamed
 * @param verdict the checks against the declared (or, for an undeclared tensor, the identified) law
 * @param chart   what the distribution charts are drawn from; null for no charts
 * @param seconds wall-clock time of reading (or generating) and checking the tensor; NaN when not measured
 * @param audit   the audit's view of the tensor, or null outside an audit
 */
public record TensorResult(String file, String tensor, Verdict verdict, ChartData chart, double seconds,
                           Audited audit) {

    /** A tensor outside an audit. */
    public TensorResult(String file, String tensor, Verdict verdict, ChartData chart, double seconds) {
        this(file, tensor, verdict, chart, seconds, null);
    }

    /**
     * How the audit sees a tensor.
     *
     * @param status   pass, fail, inconclusive, undeclared or skipped
     * @param dtype    element type as the file spells it
     * @param declared the law declared for it and by what rule, or null (undeclared)
     * @param fitted   the law fitted to its values, or null when none was fitted
     */
    public record Audited(String status, String dtype, String declared, String fitted) {
    }

    public String scheme() {
        return verdict.expectation().scheme().toString();
    }

    public Shape shape() {
        return verdict.expectation().shape();
    }

    public String layout() {
        return verdict.expectation().layout().id();
    }

    /** {@code 256x512} */
    public String shapeLabel() {
        return shape().toCommaString().replace(',', 'x');
    }

    /** pass, fail, inconclusive (the verdict's), or the audit's status. */
    public String status() {
        return audit != null ? audit.status() : verdict.status().id();
    }

    /** A readable name: the tensor for files, scheme and shape for generated values. */
    public String label() {
        if (file != null) {
            return tensor == null ? file : file + " [" + tensor + "]";
        }
        return String.format(Locale.ROOT, "%s on %s (%s)", scheme(), shape(), layout());
    }

    /** The module path: the tensor name up to its last dot, "" at top level or without a name. */
    public String module() {
        if (tensor == null) {
            return "";
        }
        int dot = tensor.lastIndexOf('.');
        return dot < 0 ? "" : tensor.substring(0, dot);
    }
}
