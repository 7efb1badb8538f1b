package org.holo.core.observable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.apache.commons.math3.special.Beta;
import org.holo.core.RadialGrid;
import org.junit.jupiter.api.Test;

/**
 * The string integrals converge despite their 1/√(η − η_*) endpoint singularity and their infinite range, because
 * both are removed by substitution (η = η_* + s², closed-form or mapped tail), not cut off. The refinement knob is
 * the number n of Gauss–Legendre points per panel: with a smooth integrand the error must fall exponentially in n,
 * whereas the same rule without the substitution converges only like 1/n.
 *
 * Measured (pure AdS₅, η_* = 0.3, against the closed form r = ½ e^{−η_*} B(3/4, 1/2), V = −½ e^{η_*} B(3/4, 1/2)):
 * n = 2, 4, 8, 16 give |Δr| ≈ 2e−3, 4e−7, 2e−12, ≤ 1e−15: every doubling of n gains more than four digits until
 * round-off, i.e. no finite algebraic order. Plain Gauss–Legendre on the unsubstituted integral over
 * [η_*, η_* + 1] gains only a factor ≈ 2 per doubling (order 1).
 */
class QuadratureConvergenceTest {

    static final double B = StrictMath.exp(Beta.logBeta(0.75, 0.5));
    static final int[] NS = {2, 4, 8, 16};

    @Test
    void pureAdsErrorFallsExponentiallyWithThePointsPerPanel() {
        double tip = 0.3;
        double rExact = 0.5 * StrictMath.exp(-tip) * B;
        double vExact = -0.5 * StrictMath.exp(tip) * B;
        double[] errR = new double[NS.length];
        double[] errV = new double[NS.length];
        StringBuilder table = new StringBuilder("n, |r - r_exact|, |V - V_exact|\n");
        for (int i = 0; i < NS.length; i++) {
            WilsonLoop.Solution s = new WilsonLoop(ExactGeometries.ads(4), NS[i]).solve(tip);
            errR[i] = Math.abs(s.r() - rExact);
            errV[i] = Math.abs(s.v() - vExact);
            table.append(String.format(Locale.ROOT, "%d, %.3e, %.3e%n", NS[i], errR[i], errV[i]));
        }
        System.out.print(table);
        for (int i = 0; i + 1 < NS.length; i++) {
            assertShrinks(errR[i], errR[i + 1], 1e3, table);
            assertShrinks(errV[i], errV[i + 1], 1e2, table);
        }
        assertTrue(errR[NS.length - 1] < 1e-13 && errV[NS.length - 1] < 1e-13, table.toString());
    }

    /** The contrast: the same rule on the unsubstituted integrand has a first-order error. */
    @Test
    void withoutTheSubstitutionTheSameRuleIsOnlyFirstOrder() {
        double tip = 0.3;
        double a = tip + 1.0;
        // 2∫_{η*}^{a} e^{−η}/√(e^{4(η−η*)} − 1) dη = ½ e^{−η*} [B − B(e^{−4}; 3/4, 1/2)]
        double exact = 0.5 * StrictMath.exp(-tip) * (B - WilsonLoop.incompleteBeta(StrictMath.exp(-4.0)));
        double previous = Double.NaN;
        StringBuilder table = new StringBuilder("n, plain GL error, substituted GL error\n");
        for (int n : new int[] {8, 16, 32, 64}) {
            GaussLegendre rule = new GaussLegendre(n);
            double plain = rule.integrate(eta -> 2.0 * StrictMath.exp(-eta) / StrictMath.sqrt(StrictMath.expm1(4.0 * (eta - tip))), tip, a);
            double subst = rule.integrate(s -> 4.0 * s * StrictMath.exp(-(tip + s * s))
                    / StrictMath.sqrt(StrictMath.expm1(4.0 * s * s)), 0.0, 1.0);
            double err = Math.abs(plain - exact);
            table.append(String.format(Locale.ROOT, "%d, %.3e, %.3e%n", n, err, Math.abs(subst - exact)));
            if (!Double.isNaN(previous)) {
                double order = StrictMath.log(previous / err) / StrictMath.log(2.0);
                assertEquals(1.0, order, 0.2, "plain Gauss-Legendre on a 1/sqrt endpoint is first order\n" + table);
            }
            assertTrue(Math.abs(subst - exact) < 1e-12 || n < 16, table.toString());
            previous = err;
        }
        System.out.print(table);
    }

    /**
     * AdS₅-Schwarzschild (no closed form): self-convergence against n = 48 at a tip deep near the horizon (the
     * lower branch, where the integrand varies on the scale η_* and the panels must be graded), near r_max and in
     * the UV.
     */
    @Test
    void adsSchwarzschildConvergesAtEveryKindOfTip() {
        StringGeometry g = ExactGeometries.adsSchwarzschild(4);
        WilsonLoop ref = new WilsonLoop(g, 48);
        for (double tip : new double[] {1e-4, 0.05, 0.3, 2.0}) {
            WilsonLoop.Solution exact = ref.solve(tip);
            double[] err = new double[NS.length];
            StringBuilder table = new StringBuilder("tip " + tip + ": n, |dr|/r, |dV|/|V|\n");
            for (int i = 0; i < NS.length; i++) {
                WilsonLoop.Solution s = new WilsonLoop(g, NS[i]).solve(tip);
                err[i] = Math.max(Math.abs(s.r() - exact.r()) / exact.r(), Math.abs(s.v() - exact.v()) / Math.abs(exact.v()));
                table.append(String.format(Locale.ROOT, "%d, %.3e, %.3e%n", NS[i], Math.abs(s.r() - exact.r()) / exact.r(),
                        Math.abs(s.v() - exact.v()) / Math.abs(exact.v())));
            }
            System.out.print(table);
            for (int i = 0; i + 1 < NS.length; i++) {
                assertTrue(err[i + 1] < err[i] || err[i + 1] < 1e-13, table.toString());
            }
            assertTrue(err[NS.length - 1] < 1e-10, table.toString());
        }
    }

    /**
     * A learned metric with an IR wall: tips a hair above the wall (r ~ log of the distance, the singularity turning
     * into 1/(η − η_*)) and a hair below the re-entry point of the deeper branch (the string grazes the wall in the
     * interior of its range) still converge, with kinks of h at every layer handled by panel cuts.
     */
    @Test
    void learnedMetricConvergesNextToItsWall() {
        LearnedGeometry g = new LearnedGeometry(4, new RadialGrid(1.0, 1.0 / 15.0, 15), LearnedGeometryTest.PUBLISHED_H,
                LearnedGeometry.Split.F_EQUALS_G);
        QuarkPotential.Result result = QuarkPotential.compute(g);
        double wall = result.wallEta();
        double reentry = result.branches().get(1).top();
        WilsonLoop ref = new WilsonLoop(g, 48);
        for (double tip : new double[] {wall + 1e-6, wall + 0.1, reentry - 1e-6, 0.2}) {
            WilsonLoop.Solution exact = ref.solve(tip);
            StringBuilder table = new StringBuilder("tip " + tip + " (r = " + exact.r() + "): n, |dr|/r, |dV|/|V|\n");
            double last = Double.NaN;
            for (int n : NS) {
                WilsonLoop.Solution s = new WilsonLoop(g, n).solve(tip);
                double err = Math.max(Math.abs(s.r() - exact.r()) / exact.r(), Math.abs(s.v() - exact.v()) / Math.abs(exact.v()));
                assertTrue(Double.isNaN(last) || err < last || err < 1e-13, "error shrinks with n\n" + table);
                last = err;
                table.append(String.format(Locale.ROOT, "%d, %.3e, %.3e%n", n, Math.abs(s.r() - exact.r()) / exact.r(),
                        Math.abs(s.v() - exact.v()) / Math.abs(exact.v())));
            }
            System.out.print(table);
            assertTrue(last < 1e-8, table.toString());
        }
    }

    /** dV/dr = √G(η_*) along every branch: the two integrals are consistent with each other. */
    @Test
    void forceIsTheSquareRootOfGAtTheTip() {
        StringGeometry[] geometries = {ExactGeometries.adsSchwarzschild(4), ExactGeometries.ads(4),
            new LearnedGeometry(4, new RadialGrid(1.0, 1.0 / 15.0, 15), LearnedGeometryTest.PUBLISHED_H, LearnedGeometry.Split.F_EQUALS_G),
            new LearnedGeometry(4, new RadialGrid(1.0, 1.0 / 15.0, 15), LearnedGeometryTest.PUBLISHED_H, LearnedGeometry.Split.G_ADS)};
        for (StringGeometry g : geometries) {
            WilsonLoop loop = new WilsonLoop(g);
            double[] tips = g.name().equals("learned") ? new double[] {0.95, 1.2, 1.5, 3.0} : new double[] {0.1, 0.4, 1.5};
            for (double tip : tips) {
                double h = 1e-5;
                WilsonLoop.Solution p = loop.solve(tip + h);
                WilsonLoop.Solution m = loop.solve(tip - h);
                double slope = (p.v() - m.v()) / (p.r() - m.r());
                assertEquals(loop.force(tip), slope, 1e-6 * loop.force(tip), g.name() + " " + g.split() + " tip " + tip);
            }
        }
    }

    @Test
    void learnedMetricUsesTheClosedFormTailExactly() {
        // h = d on every layer: above the last layer the geometry is pure AdS, so r and the connected energy are closed forms
        double[] h = new double[15];
        java.util.Arrays.fill(h, 4.0);
        LearnedGeometry g = new LearnedGeometry(4, new RadialGrid(1.0, 1.0 / 15.0, 15), h, LearnedGeometry.Split.F_EQUALS_G);
        WilsonLoop loop = new WilsonLoop(g);
        for (double tip : new double[] {0.2, 0.5, 1.0, 1.7}) {
            WilsonLoop.Solution s = loop.solve(tip);
            assertEquals(0.5 * StrictMath.exp(-tip) * B, s.r(), 1e-13, "r at " + tip);
            double connected = s.v() + 2.0 * loop.straightString(tip);
            assertEquals((2.0 - 0.5 * B) * StrictMath.exp(tip), connected, 1e-12 * StrictMath.exp(tip), "connected energy at " + tip);
        }
    }

    private static void assertShrinks(double coarse, double fine, double factor, CharSequence table) {
        assertTrue(fine < 1e-14 || fine * factor < coarse, "error must shrink by " + factor + " per doubling of n:\n" + table);
    }
}
