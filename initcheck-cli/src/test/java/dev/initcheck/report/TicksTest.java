package dev.initcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Axis ticks: for linear domains of every scale (tiny spans far from 0 included) and for log domains, at the
 * narrowest plot width, no two labels overlap (centre distance at least half their widths plus the gap, widths
 * estimated from the label length), labels are distinct, and ticks lie inside the domain.
 */
class TicksTest {
    private static final double[][] LINEAR = {
            {0, 1}, {-1, 1}, {-0.15, 0.15}, {0.0125, 0.0127}, {-0.0100891, 0.0100891}, {-4.2, 4.7},
            {0, 131072}, {1, 10}, {-2.5e-5, 2.5e-5}, {1e-9, 3e-9}, {123456.7, 123457.1}, {-8, 8}, {0, 6843.2},
            {0.999, 1.001}, {-1e6, 3e6}, {7.62939453125e-6, 0.5}, {0.98, 1.0}, {-0.0021, 0.0009}};

    @Test
    void linearLabelsNeverOverlapAtTheNarrowestWidth() {
        for (double[] d : LINEAR) {
            List<Ticks.Tick> t = Ticks.linear(d[0], d[1], Ticks.MIN_WIDTH_PX, 7);
            assertThat(t).as("ticks of [%s, %s]", d[0], d[1]).hasSizeGreaterThanOrEqualTo(2);
            assertNoOverlap(t, d[0], d[1], false, d);
            assertThat(new HashSet<>(t.stream().map(Ticks.Tick::label).toList())).as("distinct labels %s", t)
                    .hasSize(t.size());
            for (Ticks.Tick k : t) {
                assertThat(k.value()).isBetween(d[0] - 1e-12 * Math.abs(d[1] - d[0]), d[1] + 1e-12 * Math.abs(d[1]
                        - d[0]));
            }
        }
    }

    @Test
    void tinySpansFarFromZeroGetEnoughDecimals() {
        List<Ticks.Tick> t = Ticks.linear(0.0125, 0.0127, Ticks.MIN_WIDTH_PX, 7);
        assertThat(t.stream().map(Ticks.Tick::label).toList()).contains("0.01250", "0.01270");
    }

    @Test
    void logAxesLabelDecadesWithoutOverlap() {
        double[][] logs = {{1e-7, 1}, {1e-300, 1}, {1e-5, 1e5}, {0.5, 2}, {1e-12, 1e-11}, {1, 1e30}};
        for (double[] d : logs) {
            double lo = Math.pow(10, Math.floor(Math.log10(d[0])));
            double hi = Math.pow(10, Math.ceil(Math.log10(d[1])));
            List<Ticks.Tick> h = Ticks.log(lo, hi, Ticks.MIN_WIDTH_PX, false);
            assertNoOverlap(h, lo, hi, true, d);
            List<Ticks.Tick> v = Ticks.log(lo, hi, Plot.HEIGHT_PX, true);
            for (int i = 1; i < v.size(); i++) {
                double gap = (Ticks.position(v.get(i).value(), lo, hi, true)
                        - Ticks.position(v.get(i - 1).value(), lo, hi, true)) * Plot.HEIGHT_PX;
                assertThat(gap).as("vertical decade labels of [%s, %s]", lo, hi).isGreaterThanOrEqualTo(Ticks.FONT_PX);
            }
            assertThat(h).allMatch(k -> k.label().equals("1") || k.label().equals("10") || k.label().startsWith("10"));
        }
        assertThat(Ticks.decade(-3)).isEqualTo("10⁻³");
        assertThat(Ticks.decade(12)).isEqualTo("10¹²");
    }

    private static void assertNoOverlap(List<Ticks.Tick> t, double lo, double hi, boolean log, double[] d) {
        for (int i = 1; i < t.size(); i++) {
            double x0 = Ticks.position(t.get(i - 1).value(), lo, hi, log) * Ticks.MIN_WIDTH_PX;
            double x1 = Ticks.position(t.get(i).value(), lo, hi, log) * Ticks.MIN_WIDTH_PX;
            double need = (Ticks.width(t.get(i - 1).label()) + Ticks.width(t.get(i).label())) / 2 + Ticks.GAP_PX;
            assertThat(x1 - x0).as("labels %s and %s of [%s, %s]", t.get(i - 1).label(), t.get(i).label(), d[0],
                    d[1]).isGreaterThanOrEqualTo(need);
        }
    }
}
