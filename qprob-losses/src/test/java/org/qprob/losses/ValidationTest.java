package org.qprob.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qprob.api.Options;
import org.qprob.api.PluginRegistry;
import org.qprob.api.loss.Backup;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.LossProvider;

/** Bad hyper-parameters, options and batches fail with one line naming the value; the registry finds every loss. */
class ValidationTest {
  private static final PluginRegistry<LossProvider> REGISTRY =
      PluginRegistry.load(LossProvider.class, "loss", LossProvider::name);

  private static Loss create(String name, Map<String, ?> options) {
    return REGISTRY.get(name).create(new Options("loss " + name, options));
  }

  /** loss name, options, a fragment the message must contain. */
  static Stream<Arguments> badOptions() {
    return Stream.of(
        arguments(named("xql beta 0", "xql"), Map.of("beta", 0), "beta = 0.0"),
        arguments(named("xql beta negative", "xql"), Map.of("beta", -1.5), "beta = -1.5"),
        arguments(named("xql beta not a number", "xql"), Map.of("beta", "big"), "beta = \"big\""),
        arguments(named("xql unknown form", "xql"), Map.of("form", "squared"), "form = \"squared\""),
        arguments(named("xql max_clip with plain", "xql"), Map.of("form", "plain", "max_clip", 7), "form plain"),
        arguments(named("xql max_clip 0", "xql"), Map.of("max_clip", 0), "max_clip = 0.0"),
        arguments(named("xql unknown key", "xql"), Map.of("betta", 1), "unknown option betta"),
        arguments(named("xql unknown clip side", "xql"), Map.of("clip_side", "lower"), "clip_side = \"lower\""),
        arguments(named("xql clip side with plain", "xql"), Map.of("form", "plain", "clip_side", "both"),
            "clip_side = both is invalid with form plain"),
        arguments(named("gumbel-kl unknown objective", "gumbel-kl"), Map.of("objective", "mse"), "objective = \"mse\""),
        arguments(named("gumbel-kl negative clip", "gumbel-kl"), Map.of("exponent_clip", -1), "exponent_clip = -1"),
        arguments(named("gumbel-kl unknown key", "gumbel-kl"), Map.of("clip", 12), "unknown option clip"),
        arguments(named("terminal-nll unknown key", "terminal-nll"), Map.of("objective", "kl"), "unknown option objective"),
        arguments(named("terminal-nll negative clip", "terminal-nll"), Map.of("exponent_clip", -3), "exponent_clip = -3"),
        arguments(named("huber delta 0", "huber"), Map.of("delta", 0), "delta = 0.0"),
        arguments(named("huber unknown key", "huber"), Map.of("beta", 1), "unknown option beta"),
        arguments(named("l2 takes no options", "l2"), Map.of("delta", 1), "unknown option delta"),
        arguments(named("gumbel-kl clip as an unknown word", "gumbel-kl"), Map.of("exponent_clip", "off"),
            "exponent_clip = \"off\""),
        arguments(named("xql max_clip as an unknown word", "xql"), Map.of("max_clip", "big"), "max_clip = \"big\""));
  }

  @ParameterizedTest
  @MethodSource("badOptions")
  void badOptionsFailWithOneLine(String name, Map<String, ?> options, String fragment) {
    assertThatThrownBy(() -> create(name, options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(fragment)
        .hasMessageContaining(name)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void badConstructorArgumentsFailWithOneLine() {
    List<Runnable> bad = List.of(
        () -> new XqlLoss(0, XqlLoss.Form.PLAIN, Double.POSITIVE_INFINITY),
        () -> new XqlLoss(Double.NaN, XqlLoss.Form.CLIPPED, 7),
        () -> new XqlLoss(1, XqlLoss.Form.CLIPPED, -7),
        () -> new XqlLoss(1, null, 7),
        () -> XqlLoss.Form.of("huber"),
        () -> new HuberLoss(-1),
        () -> new HuberLoss(Double.POSITIVE_INFINITY),
        () -> new GumbelKlLoss(GumbelKlLoss.Objective.KL, Double.NaN),
        () -> new GumbelKlLoss(null, 12),
        () -> GumbelKlLoss.Objective.of("cross_entropy"),
        () -> new TerminalNllLoss(-0.5),
        () -> new GumbelCrossEntropy(-1),
        () -> GumbelRegression.minimiser(new double[] {1}, 0));
    for (Runnable r : bad) {
      assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotContain("\n"));
    }
  }

  @Test
  void badBatchesFailWithOneLine() {
    double[] one = {1};
    assertThatThrownBy(() -> new GumbelKlLoss().evaluate(LossBatch.point(one, one), false))
        .hasMessageContaining("gumbel-kl").hasMessageContaining("missing");
    assertThatThrownBy(() -> new GumbelKlLoss().evaluate(
        LossBatch.gumbelBackup(one, one, one, new boolean[] {false}, 1.5, 1, one, one), false))
        .hasMessageContaining("gamma = 1.5");
    assertThatThrownBy(() -> new GumbelKlLoss().evaluate(
        LossBatch.gumbelBackup(one, one, one, new boolean[] {false}, 0.9, 2, one, one), false))
        .hasMessageContaining("nextLocation has 1 entries; expected 2");
    assertThatThrownBy(() -> new L2Loss().evaluate(LossBatch.point(one, new double[] {1, 2}), false))
        .hasMessageContaining("target has 2 entries; expected 1");
    assertThatThrownBy(() -> new TerminalNllLoss().evaluate(LossBatch.point(one, one), false))
        .hasMessageContaining("predictionLogScale is missing");
    assertThatThrownBy(() -> new XqlLoss().evaluate(LossBatch.point(new double[0], new double[0]), false))
        .hasMessageContaining("size = 0");
  }

  /** name, head, target kind, toString of the defaults. */
  static Stream<Arguments> registered() {
    return Stream.of(
        arguments("gumbel-kl", 3, List.of(Backup.GUMBEL),
            "gumbel-kl[objective=cross-entropy, exponent_clip=12.0]"),
        arguments("terminal-nll", 3, List.of(Backup.MAX, Backup.SOFT), "terminal-nll[exponent_clip=12.0]"),
        arguments("l2", 2, List.of(Backup.MAX, Backup.SOFT), "l2[(q - y)^2]"),
        arguments("huber", 2, List.of(Backup.MAX, Backup.SOFT), "huber[delta=1.0]"),
        arguments("xql", 2, List.of(Backup.MAX, Backup.SOFT), "xql[beta=1.0, form=max-rescaled, max_clip=7.0, clip_side=upper]"),
        arguments("categorical", 2 * 51, List.of(Backup.DISTRIBUTIONAL), "categorical[atoms=51, v_min=-10.0, v_max=10.0]"),
        arguments("quantile-huber", 2 * 50, List.of(Backup.DISTRIBUTIONAL), "quantile-huber[quantiles=50, kappa=1.0]"));
  }

  @ParameterizedTest
  @MethodSource("registered")
  void everyLossIsRegisteredWithItsDefaults(String name, int widthForTwoActions, List<Backup> backups, String printed) {
    Loss loss = REGISTRY.get(name).create(Options.none("loss " + name));
    assertThat(loss.name()).isEqualTo(name);
    assertThat(loss.outputModel(2).width()).isEqualTo(widthForTwoActions);
    assertThat(loss.outputModel(2).actions()).isEqualTo(2);
    assertThat(loss.backups()).isEqualTo(backups);
    assertThat(loss).hasToString(printed);
    assertThat(REGISTRY.get(name).description()).isNotBlank();
  }

  @Test
  void theRegistryHoldsExactlyTheBuiltInLosses() {
    assertThat(REGISTRY.all().keySet()).containsExactly("categorical", "gumbel-kl", "huber", "l2", "quantile-huber",
        "terminal-nll", "xql");
  }

  @Test
  void optionsReachTheLosses() {
    assertThat(create("gumbel-kl", Map.of("objective", "kl", "exponent_clip", Double.POSITIVE_INFINITY)))
        .hasToString("gumbel-kl[objective=kl, exponent_clip=Infinity]");
    for (String none : ExponentClip.NO_CLIP) {
      assertThat(create("gumbel-kl", Map.of("exponent_clip", none)))
          .hasToString("gumbel-kl[objective=cross-entropy, exponent_clip=Infinity]");
      assertThat(create("terminal-nll", Map.of("exponent_clip", none))).hasToString("terminal-nll[exponent_clip=Infinity]");
      assertThat(create("xql", Map.of("max_clip", none)))
          .hasToString("xql[beta=1.0, form=max-rescaled, max_clip=Infinity, clip_side=upper]");
      assertThat(create("xql", Map.of("form", "plain", "max_clip", none))).hasToString("xql[beta=1.0, form=plain]");
    }
    assertThat(create("xql", Map.of("beta", 2.5, "form", "clipped", "max_clip", 3)))
        .hasToString("xql[beta=2.5, form=clipped, max_clip=3.0, clip_side=upper]");
    assertThat(create("xql", Map.of("form", "clipped", "clip_side", "both")))
        .hasToString("xql[beta=1.0, form=clipped, max_clip=7.0, clip_side=both]");
    assertThat(create("xql", Map.of("form", "plain"))).hasToString("xql[beta=1.0, form=plain]");
    assertThat(create("huber", Map.of("delta", 0.25))).hasToString("huber[delta=0.25]");
    assertThat(create("terminal-nll", Map.of("exponent_clip", 5))).hasToString("terminal-nll[exponent_clip=5.0]");
  }
}
