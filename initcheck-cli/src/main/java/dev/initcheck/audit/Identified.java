package dev.initcheck.audit;

import dev.initcheck.check.Verdict;

/**
 * Which law explains an undeclared tensor.
 *
 * @param family      the family of the fitted law ({@code normal}, {@code uniform}, {@code constant}, ...) or
 *                    {@code none}
 * @param description the law with its fitted parameters, in words ({@code normal, sd 0.02001 ± 0.00002})
 * @param scheme      the fitted law in the catalogue grammar, usable as a policy rule, or null
 * @param recognized  a closed form the fitted parameter matches ({@code 1/√512}), or null
 * @param explained   whether some law explains the values; false fails the tensor even though it is undeclared
 * @param verdict     the checks of the fitted law, or null when there is none
 */
public record Identified(String family, String description, String scheme, String recognized, boolean explained,
                         Verdict verdict) {
}
