package dev.initcheck.scheme;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.shape.Fans;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.List;

/**
 * One catalogue entry: its name, where it comes from, its formula, how it resolves to a law, and whether its entries
 * are i.i.d. draws of that law or the rows of an orthogonal matrix.
 */
record SchemeDefinition(String name, String origin, String summary, String formula, List<Param> params,
                        Resolver resolver, Structure structure) {

    /** An entry whose weights are i.i.d. draws of its law. */
    SchemeDefinition(String name, String origin, String summary, String formula, List<Param> params,
                     Resolver resolver) {
        this(name, origin, summary, formula, params, resolver, Structure.IID);
    }

    @FunctionalInterface
    interface Resolver {
        Distribution resolve(Args args, Fans fans, Shape shape, Layout layout);
    }

    Param param(String key) {
        return params.stream().filter(p -> p.name().equals(key)).findFirst().orElse(null);
    }

    String usage() {
        if (params.isEmpty()) {
            return name;
        }
        return name + "(" + String.join(",", params.stream().map(Param::usage).toList()) + ")";
    }
}
