package dev.initcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of {@code fixtures/torch/declarations.csv} (tensors written by PyTorch, declared honestly or not)
 * through {@code Main.run}: honest rows exit 0, dishonest rows exit 1. Each honest row spends the command's
 * default 1e-6 false-alarm probability; the data are fixed, so the outcome is deterministic.
 */
class TorchFixturesCliTest {
    static Path folder() throws URISyntaxException {
        return Path.of(TorchFixturesCliTest.class.getResource("/fixtures/torch/declarations.csv").toURI()).getParent();
    }

    static Stream<Arguments> rows() throws IOException, URISyntaxException {
        List<String> lines = Files.readAllLines(folder().resolve("declarations.csv"), StandardCharsets.UTF_8);
        List<Arguments> out = new ArrayList<>();
        List<String> header = null;
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            List<String> f = csv(line);
            if (header == null) {
                header = f;
                continue;
            }
            out.add(Arguments.of(f.get(header.indexOf("file")), f.get(header.indexOf("tensor")),
                    f.get(header.indexOf("layout")), f.get(header.indexOf("declared_scheme")),
                    Boolean.parseBoolean(f.get(header.indexOf("honest")))));
        }
        assertThat(out).hasSizeGreaterThan(20);
        return out.stream();
    }

    /** One RFC 4180 record on one line: fields separated by commas, optionally in double quotes ("" is a quote). */
    static List<String> csv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                b.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        fields.add(b.toString());
        return fields;
    }

    @ParameterizedTest(name = "{0} [{1}] declared {3}: honest={4}")
    @MethodSource("rows")
    void honestRowsExitZeroDishonestRowsExitOne(String file, String tensor, String layout, String scheme, boolean honest)
            throws URISyntaxException {
        List<String> args = new ArrayList<>(List.of("check", folder().resolve(file).toString()));
        if (!tensor.isEmpty()) {
            args.addAll(List.of("--tensor", tensor));
        }
        args.addAll(List.of("--scheme", scheme, "--layout", layout));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(code).as(String.join(" ", args) + "\n" + out + err).isEqualTo(honest ? 0 : 1);
    }
}
