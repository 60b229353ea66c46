package dev.initcheck.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Fans recomputed by hand from torch/nn/init.py and keras compute_fans (ANCHORS §1). */
class FansTest {

    @Test
    void denseLayersInBothLayouts() {
        // PyTorch Linear(in=512, out=256) stores [256, 512]; Keras Dense stores [512, 256].
        assertThat(Fans.of(Shape.of(256, 512), Layout.PYTORCH)).isEqualTo(new Fans(512, 256, 1));
        assertThat(Fans.of(Shape.of(512, 256), Layout.KERAS)).isEqualTo(new Fans(512, 256, 1));
    }

    @Test
    void convolutionFansIncludeTheReceptiveField() {
        // Conv2d(32 -> 64, 3x3): torch [64, 32, 3, 3], keras [3, 3, 32, 64]: fan_in = 32*9, fan_out = 64*9.
        assertThat(Fans.of(Shape.of(64, 32, 3, 3), Layout.PYTORCH)).isEqualTo(new Fans(288, 576, 9));
        assertThat(Fans.of(Shape.of(3, 3, 32, 64), Layout.KERAS)).isEqualTo(new Fans(288, 576, 9));
        // Conv1d k=5 and Conv3d 2x3x4.
        assertThat(Fans.of(Shape.of(16, 8, 5), Layout.PYTORCH)).isEqualTo(new Fans(40, 80, 5));
        assertThat(Fans.of(Shape.of(5, 8, 16), Layout.KERAS)).isEqualTo(new Fans(40, 80, 5));
        assertThat(Fans.of(Shape.of(6, 4, 2, 3, 4), Layout.PYTORCH)).isEqualTo(new Fans(96, 144, 24));
        assertThat(Fans.of(Shape.of(2, 3, 4, 4, 6), Layout.KERAS)).isEqualTo(new Fans(96, 144, 24));
    }

    @Test
    void rankOneUsesTheLengthForBothFans() {
        assertThat(Fans.of(Shape.of(10), Layout.PYTORCH)).isEqualTo(new Fans(10, 10, 1));
        assertThat(Fans.of(Shape.of(10), Layout.KERAS)).isEqualTo(new Fans(10, 10, 1));
    }

    @Test
    void transposedConvolutionNeedsExplicitFans() {
        // ConvTranspose2d(in=32, out=64, 3x3) stores [32, 64, 3, 3]: PyTorch's own fan_in is then 64*9.
        Fans framework = Fans.of(Shape.of(32, 64, 3, 3), Layout.PYTORCH);
        assertThat(framework.fanIn()).isEqualTo(576);
        assertThat(framework.withOverrides(288L, null)).isEqualTo(new Fans(288, 288, 9));
    }

    @Test
    void fanModes() {
        Fans f = new Fans(300, 100, 1);
        assertThat(f.fan(FanMode.FAN_IN)).isEqualTo(300);
        assertThat(f.fan(FanMode.FAN_OUT)).isEqualTo(100);
        assertThat(f.fan(FanMode.FAN_AVG)).isEqualTo(200);
    }

    @Test
    void badShapesAreRejectedWithClearMessages() {
        assertThatThrownBy(() -> Shape.of(0, 3)).hasMessageContaining(">= 1");
        assertThatThrownBy(() -> Shape.of(1, 2, 3, 4, 5, 6)).hasMessageContaining("rank 1 to 5");
        assertThatThrownBy(() -> Shape.parse("3,a")).hasMessageContaining("comma-separated");
        assertThatThrownBy(() -> Shape.of(1L << 40, 1L << 40)).hasMessageContaining("more elements");
        assertThatThrownBy(() -> Layout.parse("tf")).hasMessageContaining("valid: pytorch, keras");
        assertThat(Shape.parse("[64, 32, 3, 3]")).isEqualTo(Shape.of(64, 32, 3, 3));
        assertThat(Shape.parse("64x32")).isEqualTo(Shape.of(64, 32));
    }
}
