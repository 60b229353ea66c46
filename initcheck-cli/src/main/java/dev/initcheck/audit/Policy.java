package dev.initcheck.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.initcheck.scheme.Scheme;
import dev.initcheck.scheme.SchemeException;
import dev.initcheck.shape.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The declaration a team commits next to its model code: which law each tensor of a checkpoint must follow. Read
 * from YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}), with the same keys:
 * <pre>
 * layout: pytorch              # default layout of every rule (pytorch or keras; default pytorch)
 * preset: hf                   # optional: the preset for tensors no rule matches (the --preset flag wins)
 * initializer_range: 0.02      # optional: the hf preset's standard deviation (the flag wins, then config.json)
 * rules:                       # first match wins; a match covers the whole tensor name
 *   - match: "*.ln_*.weight"   # glob ('*' any run of characters, dots included; '?' one character) or "re:REGEX"
 *     scheme: ones             # the catalogue grammar, or "skip"
 *   - match: "lm_head.weight"
 *     tied_to: "wte.weight"    # must equal that tensor bit for bit
 *   - match: "*.c_proj.weight"
 *     scheme: "normal(stddev=0.0057735)"
 *     fan_in: 768              # optional per rule: layout, fan_in, fan_out
 * </pre>
 * Unknown keys are refused (a misspelt {@code schem:} must not silently declare nothing); every scheme is parsed when
 * the policy is read, so a typo fails before any tensor is read.
 *
 * @param source           the file it was read from
 * @param layout           the default layout
 * @param preset           the preset it names, if any
 * @param initializerRange the initializer range it gives, if any
 * @param rules            the rules in order
 */
public record Policy(Path source, Layout layout, Optional<Preset> preset, Optional<Double> initializerRange,
                     List<Rule> rules) {
    /** Policies above this size are refused: a declaration is a few kilobytes. */
    static final long MAX_BYTES = 1L << 20;
    private static final Set<String> TOP_KEYS = Set.of("layout", "preset", "initializer_range", "rules");
    private static final Set<String> RULE_KEYS = Set.of("match", "scheme", "tied_to", "layout", "fan_in", "fan_out");

    public Policy {
        rules = List.copyOf(rules);
    }

    /**
     * One rule.
     *
     * @param number  1-based position in the file
     * @param match   the tensors it covers
     * @param scheme  the law they must follow, or null for {@code skip} and {@code tied_to} rules
     * @param skip    whether the rule is {@code scheme: skip}
     * @param tiedTo  the tensor they must equal bit for bit, or null
     * @param layout  the rule's layout (the policy's default when not given)
     * @param fanIn   fan_in override, or null
     * @param fanOut  fan_out override, or null
     */
    public record Rule(int number, NamePattern match, Scheme scheme, boolean skip, String tiedTo, Layout layout,
                       Long fanIn, Long fanOut) {
        /** How the rule reads in messages: {@code policy rule 3 (*.bias)}. */
        public String describe() {
            return "policy rule " + number + " (" + match + ")";
        }
    }

    /** The first rule whose pattern covers the name. */
    public Optional<Rule> match(String tensorName) {
        return rules.stream().filter(r -> r.match().matches(tensorName)).findFirst();
    }

    /**
     * Reads and validates a policy file.
     *
     * @throws IllegalArgumentException with one line naming the file, the rule and the problem
     */
    public static Policy read(Path file) {
        String lower = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = lower.endsWith(".yaml") || lower.endsWith(".yml");
        if (!yaml && !lower.endsWith(".json")) {
            throw new IllegalArgumentException(file + ": a policy is a .yaml, .yml or .json file");
        }
        JsonNode root;
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + ": no such policy file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(file + ": a policy file larger than 1 MiB is refused");
            }
            ObjectMapper mapper = yaml ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
            mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            root = mapper.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid " + (yaml ? "YAML" : "JSON") + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + locationOf(e));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the policy: " + e.getMessage());
        }
        return of(file, root);
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    static Policy of(Path file, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": a policy is a mapping with a 'rules' list");
        }
        unknownKeys(root, TOP_KEYS, file + "");
        Layout layout = layout(root.get("layout"), file + ": layout", Layout.PYTORCH);
        Optional<Preset> preset = Optional.empty();
        if (root.hasNonNull("preset")) {
            try {
                preset = Optional.of(Preset.parse(text(root.get("preset"), file + ": preset")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage());
            }
        }
        Optional<Double> range = Optional.empty();
        if (root.hasNonNull("initializer_range")) {
            range = Optional.of(positive(root.get("initializer_range"), file + ": initializer_range"));
        }
        JsonNode list = root.get("rules");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(file + ": 'rules' must be a list");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            rules.add(rule(list.get(i), i + 1, file + ": rule " + (i + 1), layout));
        }
        return new Policy(file, layout, preset, range, rules);
    }

    private static Rule rule(JsonNode node, int number, String at, Layout defaultLayout) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(at + ": a rule is a mapping with 'match' and 'scheme' or 'tied_to'");
        }
        unknownKeys(node, RULE_KEYS, at);
        if (!node.hasNonNull("match")) {
            throw new IllegalArgumentException(at + ": 'match' is required");
        }
        NamePattern match;
        try {
            match = NamePattern.parse(text(node.get("match"), at + ": match"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": " + e.getMessage());
        }
        at = at + " (" + match + ")";
        boolean hasScheme = node.hasNonNull("scheme");
        boolean hasTie = node.hasNonNull("tied_to");
        if (hasScheme == hasTie) {
            throw new IllegalArgumentException(at + ": give exactly one of 'scheme' and 'tied_to'");
        }
        Layout layout = layout(node.get("layout"), at + ": layout", defaultLayout);
        Long fanIn = fan(node.get("fan_in"), at + ": fan_in");
        Long fanOut = fan(node.get("fan_out"), at + ": fan_out");
        if (hasTie) {
            if (fanIn != null || fanOut != null || node.hasNonNull("layout")) {
                throw new IllegalArgumentException(at + ": a tied_to rule takes no layout or fans");
            }
            return new Rule(number, match, null, false, text(node.get("tied_to"), at + ": tied_to"), layout, null,
                    null);
        }
        String scheme = text(node.get("scheme"), at + ": scheme");
        if (scheme.equals("skip")) {
            return new Rule(number, match, null, true, null, layout, fanIn, fanOut);
        }
        try {
            return new Rule(number, match, Scheme.parse(scheme), false, null, layout, fanIn, fanOut);
        } catch (SchemeException e) {
            throw new IllegalArgumentException(at + ": " + e.getMessage());
        }
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String at) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(at + ": unknown key '" + k + "' (valid: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String text(JsonNode v, String at) {
        if (!v.isTextual() && !v.isNumber()) {
            throw new IllegalArgumentException(at + ": expected a string, got " + v.getNodeType());
        }
        return v.asText();
    }

    private static Layout layout(JsonNode v, String at, Layout otherwise) {
        if (v == null || v.isNull()) {
            return otherwise;
        }
        try {
            return Layout.parse(text(v, at));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": must be pytorch or keras, got '" + v.asText() + "'");
        }
    }

    private static Long fan(JsonNode v, String at) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToExactIntegral() || v.asLong() < 1) {
            throw new IllegalArgumentException(at + ": must be a positive integer, got " + v);
        }
        return v.asLong();
    }

    private static double positive(JsonNode v, String at) {
        if (!v.isNumber() || !(v.asDouble() > 0) || Double.isInfinite(v.asDouble())) {
            throw new IllegalArgumentException(at + ": must be a positive number, got " + v);
        }
        return v.asDouble();
    }
}
