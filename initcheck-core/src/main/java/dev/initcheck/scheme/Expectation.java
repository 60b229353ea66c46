package dev.initcheck.scheme;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.shape.Fans;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;

/**
 * What a scheme promises for one weight tensor: the law of its entries (exact), the fans it was computed from,
 * and whether entries are independent ({@link Structure#IID}) or rows of an orthogonal matrix.
 */
public record Expectation(Scheme scheme, Shape shape, Layout layout, Fans fans, Distribution distribution,
                          Structure structure) {

    /** Rows and columns of the 2-D view (for orthogonality and symmetry checks): {@link Layout#orthogonalMatrix}. */
    public long[] matrixView() {
        return layout.orthogonalMatrix(shape);
    }
}
