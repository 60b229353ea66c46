package dev.initcheck.scheme;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.shape.Fans;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;

/**
 * What a scheme promises for one weight tensor: the law of its entries (exact), the fans it was computed from,
 * and whether entries are independent ({@link Structure#IID}) or rows of an orthogonal matrix. Made by
 * {@link Scheme#resolve(Shape, Layout)}.
 *
 * @param scheme the scheme as parsed
 * @param shape the weight shape
 * @param layout the layout the fans were computed in
 * @param fans the fans the law was computed from (computed by {@link Fans#of} or given explicitly)
 * @param distribution the exact law of one entry; for {@link Structure#ORTHOGONAL} the marginal law of an entry
 * @param structure independent entries, or a scaled orthogonal matrix
 */
public record Expectation(Scheme scheme, Shape shape, Layout layout, Fans fans, Distribution distribution,
                          Structure structure) {

    /**
     * Rows and columns of the 2-D view (for orthogonality and symmetry checks): {@link Layout#orthogonalMatrix}.
     *
     * @return {@code {rows, cols}}
     */
    public long[] matrixView() {
        return layout.orthogonalMatrix(shape);
    }
}
