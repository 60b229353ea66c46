package dev.initcheck.report;

import dev.initcheck.check.Verdict;
import dev.initcheck.shape.Shape;
import java.util.Locale;

/**
 * One checked tensor: its verdict and, when the report draws its charts, its values sorted ascending.
 *
 * @param file        the file the values came from; null when generated
 * @param tensor      the tensor's name inside the file; null when generated or unnamed
 * @param verdict     the checks against the declared scheme
 * @param chartSample sorted values for the histogram, ECDF and QQ charts; null for no charts
 */
public record TensorResult(String file, String tensor, Verdict verdict, double[] chartSample) {

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

    /** A readable name: the tensor for files, scheme and shape for generated values. */
    public String label() {
        if (file != null) {
            return tensor == null ? file : file + " [" + tensor + "]";
        }
        return String.format(Locale.ROOT, "%s on %s (%s)", scheme(), shape(), layout());
    }
}
