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
 * (parameters in catalogue order, only those written); two schemes are equal when their canonical spellings are.
 *
 * <p>Conventions of the laws {@link #resolve} computes (s the variance, fan from {@link dev.initcheck.shape.Fans}):
 * <ul>
 *   <li>Keras {@code glorot_*}, {@code he_*}, {@code lecun_*}, {@code variance_scaling(scale, mode, distribution)}:
 *       s = scale / max(1, fan) with fan_avg = (fan_in + fan_out) / 2; uniform U(±sqrt(3s)); truncated normal with
 *       parent sd sqrt(s)/0.87962566103423978 cut at ±2 parent sd, so that Var = s exactly.</li>
 *   <li>PyTorch {@code torch.kaiming_*(a, mode, nonlinearity)}: std = gain / sqrt(fan), gain =
 *       {@code calculate_gain(nonlinearity, a)}: 1 for linear, conv* and sigmoid; 5/3 for tanh; sqrt(2) for relu;
 *       sqrt(2 / (1 + a²)) for leaky_relu (the default, with a = 0); 3/4 for selu. Uniform bound sqrt(3)·std;
 *       normal untruncated. {@code torch.xavier_*(gain)}: U(±gain·sqrt(6/(fan_in+fan_out))) and
 *       N(0, gain·sqrt(2/(fan_in+fan_out))). {@code torch.linear_default}: U(±1/sqrt(fan_in)).</li>
 *   <li>{@code orthogonal(gain)}: gain·Q, Q with orthonormal rows or columns of the layout's 2-D view.</li>
 * </ul>
 */
public final class Scheme {
    private final SchemeDefinition definition;
    private final Map<String, String> written; // canonical values, catalogue order

    private Scheme(SchemeDefinition definition, Map<String, String> written) {
        this.definition = definition;
        this.written = written;
    }

    /**
     * Parses and validates a scheme: its name, each parameter's name and value (numbers, positive numbers or one of
     * the listed words) and the constraints between parameters (e.g. min &lt; max).
     *
     * @param text {@code name} or {@code name(key=value,...)}; names and keys are case-insensitive
     * @return the scheme, with the values written in canonical form
     * @throws SchemeException (an {@link IllegalArgumentException}) with a one-line message for an empty or
     *     unparsable text, an unknown scheme or parameter, a parameter given twice, a missing required parameter or
     *     an invalid value; it lists the valid choices
     */
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

    /**
     * The catalogue name.
     *
     * @return e.g. {@code torch.kaiming_uniform}
     */
    public String name() {
        return definition.name();
    }

    /**
     * Where the scheme comes from.
     *
     * @return {@code raw}, {@code keras}, {@code torch}, {@code seed} or {@code torch/keras}
     */
    public String origin() {
        return definition.origin();
    }

    /**
     * One line naming the framework function the scheme reproduces and its conventions.
     *
     * @return e.g. {@code torch.nn.init.kaiming_uniform_}
     */
    public String summary() {
        return definition.summary();
    }

    /**
     * The law's formula in terms of fan_in/fan_out and the parameters.
     *
     * @return e.g. {@code U(±sqrt(6/(fan_in+fan_out)))}
     */
    public String formula() {
        return definition.formula();
    }

    /**
     * The usage line with every parameter and its default.
     *
     * @return e.g. {@code torch.normal(mean=0,std=1)}: each parameter with its default, or {@code <number>} for none
     *     ({@code ?}: optional); a choice lists its words, e.g. {@code mode=fan_in|fan_out (default fan_in)}
     */
    public String usage() {
        return definition.usage();
    }

    /**
     * Parameter values with defaults filled in (a parameter without a default that was not written is absent).
     *
     * @return a new map, parameter name to canonical value, in catalogue order
     */
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

    /**
     * The expected law for a shape, with the fans its layout gives ({@link Fans#of(Shape, Layout)}).
     *
     * @param shape the weight shape
     * @param layout where the channels sit in {@code shape}
     * @return the exact law of the entries and their structure
     * @throws SchemeException when the parameters are inconsistent for these fans
     */
    public Expectation resolve(Shape shape, Layout layout) {
        return resolve(shape, layout, Fans.of(shape, layout));
    }

    /**
     * The expected law with explicit fans (e.g. transposed convolutions, {@code --fan-in/--fan-out}).
     *
     * @param shape the weight shape
     * @param layout where the channels sit ({@code orthogonal} takes its 2-D view from it)
     * @param fans the fans the law is computed from, used instead of {@link Fans#of(Shape, Layout)}
     * @return the exact law of the entries and their structure
     * @throws SchemeException when the parameters are inconsistent for these fans
     */
    public Expectation resolve(Shape shape, Layout layout, Fans fans) {
        Distribution d = definition.resolver().resolve(new Args(parameters()), fans, shape, layout);
        return new Expectation(this, shape, layout, fans, d, definition.structure());
    }

    /**
     * The canonical spelling: the name, then the parameters written (not the defaults) in catalogue order.
     *
     * @return e.g. {@code torch.kaiming_uniform(a=2.23606797749979)}; {@link #parse} reads it back to an equal scheme
     */
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
