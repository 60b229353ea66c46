package dev.initcheck.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SchemeGrammarTest {

    static java.util.List<String> names() {
        return Catalogue.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyCatalogueNameParsesAndRoundTrips(String name) {
        Scheme s = Catalogue.defaults().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        assertThat(Scheme.parse(s.toString())).isEqualTo(s);
        assertThat(s.formula()).isNotBlank();
    }

    @Test
    void canonicalSpellingOrdersParametersAndLowersWords() {
        Scheme s = Scheme.parse(" torch.kaiming_normal( nonlinearity = ReLU , mode=FAN_OUT ) ");
        assertThat(s).hasToString("torch.kaiming_normal(mode=fan_out,nonlinearity=relu)");
        assertThat(s.parameters()).containsEntry("a", "0");
        assertThat(Scheme.parse("uniform(min=-0.1,max=0.2)")).hasToString("uniform(min=-0.1,max=0.2)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "he_nromal|unknown scheme 'he_nromal' (valid: zeros, ones",
        "constant|constant: missing parameter 'value'",
        "he_normal(scale=2)|he_normal takes no parameters, got 'scale'",
        "torch.xavier_uniform(gian=1)|torch.xavier_uniform: unknown parameter 'gian' (valid: torch.xavier_uniform(gain=1))",
        "normal(stddev=NaN)|normal: stddev must be a finite number, got NaN",
        "normal(stddev=nan)|normal: stddev='nan' is not a number",
        "variance_scaling(scale=-1)|variance_scaling: scale must be > 0, got -1",
        "variance_scaling(mode=fan_sum)|variance_scaling: mode='fan_sum' is not valid (valid: fan_in, fan_out, fan_avg)",
        "torch.kaiming_uniform(nonlinearity=gelu)|nonlinearity='gelu' is not valid",
        "uniform(limit=1,min=0,max=1)|uniform: give either limit=L or min=A,max=B, not both",
        "uniform(min=0)|uniform: min and max must be given together",
        "uniform(min=1,max=0)|uniform: min (1) must be smaller than max (0)",
        "normal(stddev=1,stddev=2)|parameter 'stddev' given twice",
        "normal(stddev)|parameter 'stddev' is not key=value",
        "he normal|cannot parse scheme 'he normal'",
        "torch.trunc_normal(a=2,b=-2)|torch.trunc_normal: a (2) must be smaller than b (-2)",
        "orthogonal(gain=0)|orthogonal: gain must be > 0, got 0",
        "normal(stddev=Infinity)|normal: stddev must be a finite number, got Infinity"})
    void badSchemesGiveOneClearLine(String text, String expected) {
        assertThatThrownBy(() -> Scheme.parse(text)).isInstanceOf(SchemeException.class)
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void emptySchemeIsAnError() {
        assertThatThrownBy(() -> Scheme.parse("  ")).hasMessageContaining("empty scheme");
    }
}
