package dev.initcheck.scheme;

import dev.initcheck.distribution.Distribution;
import dev.initcheck.shape.Fans;
import dev.initcheck.shape.Layout;
import dev.initcheck.shape.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A scheme as written in initcheck's grammar: {@code name} or {@code name(key=value,...)}, e.g.
 * {@code he_normal}, {@code torch.kaiming_uniform(a=0,mode=fan_out,nonlinearity=relu)},
 * {@code uniform(min=-0.1,max=0.2)}. Values are numbers or words; whitespace is ignored. Parameters not written
 * take the defaults listed by {@code initcheck list}. {@link #toString()} gives back the canonical spelling
 * (parameters in catalogue order, only those written).
 */
public final class Scheme {
    private final SchemeDefinition definition;
    private final Map<String, String> written; // canonical values, catalogue order

    private Scheme(SchemeDefinition definition, Map<String, String> written) {
        this.definition = definition;
        this.written = written;
    }

    /** @throws SchemeException with a one-line message listing the valid choices */
    public static Scheme parse(String text) {
        SchemeParser.Parsed p = SchemeParser.parse(text);
        SchemeDefinition d = Catalogue.definition(p.name());
        Map<String, String> canonical = new LinkedHashMap<>();
        for (Param param : d.params()) {
            String raw = p.params().get(param.name());
            if (raw != null) {
                canonical.put(param.name(), param.canonical(d.name(), raw));
            }
        }
        for (String key : p.params().keySet()) {
            if (d.param(key) == null) {
                throw new SchemeException(d.params().isEmpty()
                        ? d.name() + " takes no parameters, got '" + key + "'"
                        : d.name() + ": unknown parameter '" + key + "' (valid: " + d.usage() + ")");
            }
        }
        for (Param param : d.params()) {
            if (param.required() && !canonical.containsKey(param.name())) {
                throw new SchemeException(d.name() + ": missing parameter '" + param.name() + "' (usage: " + d.usage() + ")");
            }
        }
        Scheme s = new Scheme(d, canonical);
        s.resolve(Shape.of(4, 4), Layout.PYTORCH); // cross-parameter constraints fail here, at parse time
        return s;
    }

    public String name() {
        return definition.name();
    }

    /** "raw", "keras", "torch", "seed" or "torch/keras". */
    public String origin() {
        return definition.origin();
    }

    public String summary() {
        return definition.summary();
    }

    /** The law's formula in terms of fan_in/fan_out, e.g. {@code U(±sqrt(6/(fan_in+fan_out)))}. */
    public String formula() {
        return definition.formula();
    }

    /** The usage line with every parameter and its default. */
    public String usage() {
        return definition.usage();
    }

    /** Parameter values with defaults filled in. */
    public Map<String, String> parameters() {
        Map<String, String> all = new LinkedHashMap<>();
        for (Param p : definition.params()) {
            String v = written.containsKey(p.name()) ? written.get(p.name()) : p.defaultValue();
            if (v != null) {
                all.put(p.name(), v);
            }
        }
        return all;
    }

    /** The expected law for a shape, with the fans its layout gives. */
    public Expectation resolve(Shape shape, Layout layout) {
        return resolve(shape, layout, Fans.of(shape, layout));
    }

    /** The expected law with explicit fans (e.g. transposed convolutions, {@code --fan-in/--fan-out}). */
    public Expectation resolve(Shape shape, Layout layout, Fans fans) {
        Distribution d = definition.resolver().resolve(new Args(parameters()), fans, shape, layout);
        return new Expectation(this, shape, layout, fans, d, definition.structure());
    }

    @Override
    public String toString() {
        if (written.isEmpty()) {
            return name();
        }
        StringBuilder b = new StringBuilder(name()).append('(');
        written.forEach((k, v) -> b.append(k).append('=').append(v).append(','));
        b.setLength(b.length() - 1);
        return b.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scheme s && toString().equals(s.toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toString());
    }
}
