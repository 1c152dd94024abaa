package org.qprob.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The floor/ceil projection against the triangular-kernel form of the C51 paper (eq. 7), its mass, its edges, and its
 * vector-Jacobian product against the kernel form's matrix.
 */
class CategoricalProjectionTest {
  /** A projection and one transition onto it. */
  record Case(CategoricalProjection projection, double[] p, double reward, double discount) {}

  /**
   * Random supports and transitions: returns inside and outside the support, gamma = 1, terminal rows
   * (discount 0), rewards that put {@code Tz} exactly on atoms, and supports where {@code (v_max - v_min) / dz}
   * rounds past {@code atoms - 1}.
   */
  static Stream<Named<Case>> cases() {
    SplittableRandom random = new SplittableRandom(51);
    List<Named<Case>> out = new ArrayList<>();
    for (int k = 0; k < 300; k++) {
      int atoms = 2 + random.nextInt(60);
      double vMin = random.nextDouble(-200, 50);
      double vMax = vMin + Math.exp(random.nextDouble(-2, 6));
      CategoricalProjection projection = new CategoricalProjection(atoms, vMin, vMax);
      double dz = projection.spacing();
      double discount = switch (k % 6) {
        case 0 -> 0; // terminal
        case 1 -> 1; // gamma = 1: Tz_j = reward + z_j, often exactly on atoms when reward is a multiple of dz
        default -> random.nextDouble(0.5, 1);
      };
      double reward = switch (k % 5) {
        case 0 -> vMax + random.nextDouble(0, 100); // beyond the support
        case 1 -> vMin - random.nextDouble(0, 100); // below it
        case 2 -> random.nextInt(-3, 4) * dz; // lands Tz on atoms when discount is 0 or 1 (up to rounding)
        default -> random.nextDouble(vMin - 0.2 * (vMax - vMin), vMax + 0.2 * (vMax - vMin));
      };
      out.add(Named.of("#" + k + " atoms=" + atoms + " r=" + reward + " d=" + discount,
          new Case(projection, probabilities(random, atoms), reward, discount)));
    }
    return out.stream();
  }

  static double[] probabilities(SplittableRandom random, int atoms) {
    double[] p = new double[atoms];
    double sum = 0;
    for (int j = 0; j < atoms; j++) {
      p[j] = random.nextInt(7) == 0 ? 0 : Math.exp(random.nextDouble(-3, 3));
      sum += p[j];
    }
    if (sum == 0) {
      p[0] = sum = 1;
    }
    for (int j = 0; j < atoms; j++) {
      p[j] /= sum;
    }
    return p;
  }

  /**
   * How far the kernel form may be from the floor/ceil form: its {@code |Tz - z_i| / dz} is computed from two rounded
   * numbers of magnitude up to {@code max |v|}, a few ulps of which, divided by {@code dz}, can exceed 1e-12.
   */
  static double kernelRounding(CategoricalProjection projection) {
    double scale = Math.max(Math.abs(projection.vMin()), Math.abs(projection.vMax()));
    return 1e-12 + 8 * Math.ulp(scale) / projection.spacing();
  }

  /** {@code W_ij = clamp(1 - |clamp(Tz_j, v_min, v_max) - z_i| / dz, 0, 1)}, the C51 paper's eq. 7. */
  static double[][] kernelMatrix(CategoricalProjection projection, double reward, double discount) {
    int atoms = projection.atoms();
    double vMin = projection.vMin();
    double vMax = projection.vMax();
    double dz = (vMax - vMin) / (atoms - 1);
    double[][] w = new double[atoms][atoms];
    for (int j = 0; j < atoms; j++) {
      double tz = Math.min(Math.max(reward + discount * (vMin + j * dz), vMin), vMax);
      for (int i = 0; i < atoms; i++) {
        w[i][j] = Math.min(Math.max(1 - Math.abs(tz - (vMin + i * dz)) / dz, 0), 1);
      }
    }
    return w;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void floorCeilAgreesWithTheKernelFormAndConservesMass(Case c) {
    CategoricalProjection projection = c.projection();
    int atoms = projection.atoms();
    double[] m = projection.project(c.p(), c.reward(), c.discount());
    double[][] w = kernelMatrix(projection, c.reward(), c.discount());
    double sum = 0;
    for (int i = 0; i < atoms; i++) {
      double expected = 0;
      for (int j = 0; j < atoms; j++) {
        expected += w[i][j] * c.p()[j];
      }
      assertThat(m[i]).as("m[%d]", i).isCloseTo(expected, within(kernelRounding(projection)))
          .isGreaterThanOrEqualTo(0);
      sum += m[i];
    }
    assertThat(sum).as("projected mass").isCloseTo(1, within(1e-14));
  }

  /**
   * The projection and its vector-Jacobian product equal, bit for bit, the textbook single loop over the target atoms
   * (each {@code Tz_j} located and split at once, the target summed in the order of {@code j}), which the batched
   * passes replaced for speed.
   */
  @ParameterizedTest
  @MethodSource("cases")
  void theBatchedPassesAreTheSingleLoopBitForBit(Case c) {
    CategoricalProjection projection = c.projection();
    int atoms = projection.atoms();
    double[] expected = new double[atoms];
    double[] g = new double[atoms];
    SplittableRandom random = new SplittableRandom(atoms + 7);
    for (int i = 0; i < atoms; i++) {
      g[i] = random.nextDouble(-5, 5);
    }
    double[] expectedVjp = new double[atoms];
    for (int j = 0; j < atoms; j++) {
      double tz = c.reward() + c.discount() * projection.atom(j);
      double b = (Math.min(Math.max(tz, projection.vMin()), projection.vMax()) - projection.vMin())
          / projection.spacing();
      b = Math.min(Math.max(b, 0), atoms - 1);
      int l = Math.min((int) b, atoms - 2);
      expected[l] += c.p()[j] * (l + 1 - b);
      expected[l + 1] += c.p()[j] * (b - l);
      expectedVjp[j] = g[l] * (l + 1 - b) + g[l + 1] * (b - l);
    }
    assertThat(projection.project(c.p(), c.reward(), c.discount())).containsExactly(expected);
    double[] vjp = new double[atoms];
    projection.vectorJacobianProduct(c.reward(), c.discount(), g, 0, vjp, 0);
    assertThat(vjp).containsExactly(expectedVjp);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void theVectorJacobianProductIsTheTransposedKernelMatrix(Case c) {
    CategoricalProjection projection = c.projection();
    int atoms = projection.atoms();
    SplittableRandom random = new SplittableRandom(atoms);
    double[] g = new double[atoms + 3];
    for (int i = 0; i < g.length; i++) {
      g[i] = random.nextDouble(-5, 5);
    }
    double[] out = new double[atoms + 2];
    projection.vectorJacobianProduct(c.reward(), c.discount(), g, 3, out, 2);
    double[][] w = kernelMatrix(projection, c.reward(), c.discount());
    for (int j = 0; j < atoms; j++) {
      double expected = 0;
      for (int i = 0; i < atoms; i++) {
        expected += g[3 + i] * w[i][j];
      }
      assertThat(out[2 + j]).as("(W^T g)[%d]", j).isCloseTo(expected, within(10 * kernelRounding(projection)));
    }
    assertThat(out[0]).isZero();
    assertThat(out[1]).isZero();
  }

  @Test
  void edgesOfTheSupport() {
    CategoricalProjection projection = new CategoricalProjection(5, -2, 2); // atoms -2, -1, 0, 1, 2
    double[] p = {0.1, 0.2, 0.3, 0.25, 0.15};
    // terminal: all the mass at the reward, split between its two neighbours
    assertThat(projection.project(p, 0.25, 0)).containsExactly(new double[] {0, 0, 0.75, 0.25, 0}, within(1e-15));
    // terminal on an atom: all the mass on it (the l == u case)
    assertThat(projection.project(p, 1, 0)).containsExactly(new double[] {0, 0, 0, 1, 0}, within(1e-15));
    // terminal on the last atom, and beyond either end
    assertThat(projection.project(p, 2, 0)).containsExactly(new double[] {0, 0, 0, 0, 1}, within(1e-15));
    assertThat(projection.project(p, 1e9, 0)).containsExactly(new double[] {0, 0, 0, 0, 1}, within(1e-15));
    assertThat(projection.project(p, -7, 0)).containsExactly(new double[] {1, 0, 0, 0, 0}, within(1e-15));
    // gamma = 1, reward one atom up: a shift, the top atom's mass piles onto the last atom
    assertThat(projection.project(p, 1, 1)).containsExactly(new double[] {0, 0.1, 0.2, 0.3, 0.4}, within(1e-15));
    // gamma = 0.5, reward 0: z = -2..2 -> -1, -0.5, 0, 0.5, 1
    assertThat(projection.project(p, 0, 0.5))
        .containsExactly(new double[] {0, 0.1 + 0.1, 0.1 + 0.3 + 0.125, 0.125 + 0.15, 0}, within(1e-15));
  }

  @Test
  void roundingPastTheLastAtomKeepsTheMass() {
    // find supports where (v_max - v_min) / dz rounds above atoms - 1, so b would index past the last atom
    SplittableRandom random = new SplittableRandom(8);
    int found = 0;
    for (int k = 0; k < 100_000 && found < 50; k++) {
      int atoms = 2 + random.nextInt(200);
      double vMin = random.nextDouble(-100, 100);
      double vMax = vMin + random.nextDouble(0.01, 500);
      double dz = (vMax - vMin) / (atoms - 1);
      if ((vMax - vMin) / dz <= atoms - 1) {
        continue;
      }
      found++;
      CategoricalProjection projection = new CategoricalProjection(atoms, vMin, vMax);
      double[] p = probabilities(random, atoms);
      double[] m = projection.project(p, vMax, 0); // b = (v_max - v_min) / dz > atoms - 1
      assertThat(m[atoms - 1]).isCloseTo(1, within(1e-15));
      double[] shifted = projection.project(p, 0, 1); // Tz_j = z_j: the identity, z_last = v_max
      for (int i = 0; i < atoms; i++) {
        assertThat(shifted[i]).isCloseTo(p[i], within(1e-12));
      }
    }
    assertThat(found).as("supports whose last position rounds past atoms - 1").isGreaterThan(10);
  }

  @Test
  void supportOptionsAndValidation() {
    CategoricalProjection projection = new CategoricalProjection(51, -10, 10);
    assertThat(projection.spacing()).isEqualTo(0.4);
    assertThat(projection.atom(0)).isEqualTo(-10);
    assertThat(projection.atom(50)).isEqualTo(10);
    assertThat(projection.support()).hasSize(51);
    assertThat(projection.toString()).isEqualTo("CategoricalProjection[atoms=51, v_min=-10.0, v_max=10.0]");
    Runnable[] bad = {
        () -> new CategoricalProjection(1, 0, 1),
        () -> new CategoricalProjection(0, 0, 1),
        () -> new CategoricalProjection(5, 1, 1),
        () -> new CategoricalProjection(5, 2, 1),
        () -> new CategoricalProjection(5, Double.NaN, 1),
        () -> new CategoricalProjection(5, 0, Double.POSITIVE_INFINITY),
        () -> new CategoricalProjection(5, -Double.MAX_VALUE, Double.MAX_VALUE),
        () -> projection.atom(51),
        () -> projection.project(new double[51], Double.NaN, 0.9),
        () -> projection.project(new double[51], 0, -0.1),
        () -> projection.project(new double[51], 0, Double.NaN),
        () -> projection.project(new double[50], 0, 0.9),
        () -> projection.vectorJacobianProduct(0, Double.POSITIVE_INFINITY, new double[51], 0, new double[51], 0)};
    for (Runnable r : bad) {
      assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).startsWith("CategoricalProjection: ").contains("expected")
              .doesNotContain("\n"));
    }
  }
}
