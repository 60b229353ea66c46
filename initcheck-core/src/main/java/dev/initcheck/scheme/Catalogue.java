package dev.initcheck.scheme;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every scheme initcheck knows, by name: the raw laws ({@code zeros}, {@code uniform}, {@code normal}, ...), the
 * Keras initializers and PyTorch's {@code torch.nn.init} functions ({@code torch.*}). {@link Scheme#parse(String)}
 * reads one with its parameters; {@link Scheme#formula()} and {@link Scheme#usage()} describe it.
 */
public final class Catalogue {
    private static final Map<String, SchemeDefinition> BY_NAME = build();

    private Catalogue() {
    }

    private static Map<String, SchemeDefinition> build() {
        Map<String, SchemeDefinition> m = new LinkedHashMap<>();
        List<SchemeDefinition> all = new ArrayList<>(RawSchemes.all());
        all.addAll(KerasSchemes.all());
        all.addAll(TorchSchemes.all());
        for (SchemeDefinition d : all) {
            m.put(d.name(), d);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * All scheme names, in catalogue order (raw, Keras, PyTorch).
     *
     * @return an unmodifiable list, e.g. {@code zeros, ones, ..., he_normal, ..., torch.linear_default, ...}
     */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * Every catalogue entry with its defaults, e.g. for {@code initcheck list} and the suite; the two schemes whose
     * value has no default are given 0.1 ({@code constant(value=0.1)}, {@code torch.constant(val=0.1)}).
     *
     * @return one scheme per name, in catalogue order
     */
    public static List<Scheme> defaults() {
        List<Scheme> out = new ArrayList<>();
        for (String name : BY_NAME.keySet()) {
            if (name.equals("constant")) {
                out.add(Scheme.parse("constant(value=0.1)"));
            } else if (name.equals("torch.constant")) {
                out.add(Scheme.parse("torch.constant(val=0.1)"));
            } else {
                out.add(Scheme.parse(name));
            }
        }
        return out;
    }

    static SchemeDefinition definition(String name) {
        SchemeDefinition d = BY_NAME.get(name);
        if (d == null) {
            throw new SchemeException("unknown scheme '" + name + "' (valid: " + String.join(", ", BY_NAME.keySet()) + ")");
        }
        return d;
    }
}
