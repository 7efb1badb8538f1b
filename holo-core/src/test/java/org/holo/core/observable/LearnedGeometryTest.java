package org.holo.core.observable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.holo.core.RadialGrid;
import org.holo.core.metric.AnalyticMetrics;
import org.holo.core.metric.PerLayerMetric;
import org.junit.jupiter.api.Test;

/** W, f and g of a learned h: interpolation, continuations, normalisation, splits; and the potential they give. */
class LearnedGeometryTest {

    /** The h of the published 1809.10536 run (physics.md §6.1), boundary → horizon. */
    static final double[] PUBLISHED_H = {3.13, 2.39, 1.61, 0.81, 0.06, -0.54, -0.88, -0.77, -0.01, 1.74, 4.98, 10.4, 18.7, 30.8, 47.0};
    static final RadialGrid QCD_GRID = new RadialGrid(1.0, 1.0 / 15.0, 15);

    @Test
    void hInterpolatesTheLayersAndContinuesAsAdsAndAsAHorizon() {
        LearnedGeometry g = new LearnedGeometry(4, QCD_GRID, PUBLISHED_H, LearnedGeometry.Split.F_EQUALS_G);
        for (int i = 0; i < 15; i++) {
            assertEquals(PUBLISHED_H[i], g.h(QCD_GRID.eta(i)), 1e-12, "h at layer " + i);
        }
        assertEquals(4.0, g.h(1.0 + 1e-12));
        assertEquals(4.0, g.h(7.0));
        double last = QCD_GRID.eta(14);
        assertEquals(PUBLISHED_H[14], g.h(last - 1e-12), 1e-6, "continuous at the last layer");
        assertEquals(1.0, g.h(1e-6) * 1e-6, 1e-3, "h ~ 1/eta at the horizon");
        // log W' = h (finite differences away from the layer positions), W = e^{4 eta} beyond eta_ini
        for (double eta : new double[] {0.05, 0.11, 0.3, 0.47, 0.72, 0.93, 1.3, 2.0}) {
            double d = 1e-6;
            assertEquals(g.h(eta), (g.logW(eta + d) - g.logW(eta - d)) / (2 * d), 1e-6 * Math.max(1.0, Math.abs(g.h(eta))), "eta " + eta);
        }
        assertEquals(4.0 * 2.5, g.logW(2.5), 1e-12);
        assertTrue(g.logW(1e-9) < g.logW(1e-6), "W -> 0 at the horizon");
    }

    @Test
    void betweenLayersHIsTheInterpolantTheRk4NetworkUses() {
        double[] nodes = new double[200];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = QCD_GRID.eta(14) + (1.0 - QCD_GRID.eta(14)) * i / (nodes.length - 1);
        }
        double[] expected = new double[nodes.length];
        new PerLayerMetric(QCD_GRID, nodes).values(PUBLISHED_H, 0, expected);
        LearnedGeometry g = new LearnedGeometry(4, QCD_GRID, PUBLISHED_H, LearnedGeometry.Split.F_EQUALS_G);
        for (int i = 0; i < nodes.length; i++) {
            assertEquals(expected[i], g.h(nodes[i]), 1e-12, "eta " + nodes[i]);
        }
    }

    @Test
    void interpolatedExactMetricGivesItsVolumeFactor() {
        // h_i = 4 coth(4 eta_i): log W must follow log(sinh 4 eta / 2) up to the interpolation error between layers
        double[] h = AnalyticMetrics.adsSchwarzschild(4).sample(QCD_GRID.layerEtas());
        LearnedGeometry g = new LearnedGeometry(4, QCD_GRID, h, LearnedGeometry.Split.F_EQUALS_G);
        double ref = g.logW(1.0) - StrictMath.log(0.5 * StrictMath.sinh(4.0));
        for (double eta : new double[] {0.9, 0.6, 0.35, 0.2, 0.1289}) {
            assertEquals(StrictMath.log(0.5 * StrictMath.sinh(4.0 * eta)), g.logW(eta) - ref, 2e-3, "eta " + eta);
        }
    }

    @Test
    void splitsShareWAsStated() {
        for (LearnedGeometry.Split split : LearnedGeometry.Split.values()) {
            LearnedGeometry g = new LearnedGeometry(4, QCD_GRID, PUBLISHED_H, split);
            for (double eta : new double[] {0.05, 0.3, 0.8, 1.0, 3.0}) {
                // W² = f g^{d−1}
                assertEquals(2.0 * g.logW(eta), g.logF(eta) + 3.0 * g.logGx(eta), 1e-12, split + " eta " + eta);
                assertEquals(g.logF(eta) + g.logGx(eta), g.logG(eta), 1e-12);
                if (eta >= 1.0) {
                    assertEquals(2.0 * eta, g.logF(eta), 1e-12, "pure AdS beyond eta_ini, f = e^{2 eta}");
                    assertEquals(2.0 * eta, g.logGx(eta), 1e-12, "pure AdS beyond eta_ini, g = e^{2 eta}");
                }
            }
            double d = 1e-6;
            for (double eta : new double[] {0.3, 0.8, 2.0}) {
                assertEquals((g.logG(eta + d) - g.logG(eta - d)) / (2 * d), g.dLogG(eta), 1e-6 * Math.max(1, Math.abs(g.dLogG(eta))));
            }
        }
        LearnedGeometry fg = new LearnedGeometry(4, QCD_GRID, PUBLISHED_H, LearnedGeometry.Split.F_EQUALS_G);
        assertEquals(fg.logF(0.4), fg.logGx(0.4), 0.0);
        assertTrue(Double.isNaN(fg.temperature()), "f = g has no regular horizon");
        LearnedGeometry ga = new LearnedGeometry(4, QCD_GRID, PUBLISHED_H, LearnedGeometry.Split.G_ADS);
        assertEquals(0.8, ga.logGx(0.4), 0.0);
        // regular horizon: f ≈ κ² η², T = κ/(2π)
        double eta = 1e-7;
        double kappa = StrictMath.exp(0.5 * ga.logF(eta)) / eta;
        assertEquals(kappa / (2 * StrictMath.PI), ga.temperature(), 1e-5 * ga.temperature());
        assertEquals(LearnedGeometry.Split.F_EQUALS_G, LearnedGeometry.Split.parse(" f = g"));
        assertEquals(LearnedGeometry.Split.G_ADS, LearnedGeometry.Split.parse("g=ads"));
        assertThrows(IllegalArgumentException.class, () -> LearnedGeometry.Split.parse("f=2g"));
    }

    @Test
    void learnedIrWallConfinesAndScreens() {
        LearnedGeometry g = new LearnedGeometry(4, QCD_GRID, PUBLISHED_H, LearnedGeometry.Split.F_EQUALS_G);
        QuarkPotential.Result r = QuarkPotential.compute(g);
        // under f = g the wall is where h changes sign between layers 4 (h = 0.06) and 5 (h = -0.54)
        assertTrue(r.wallEta() > QCD_GRID.eta(5) && r.wallEta() < QCD_GRID.eta(4), "wall at " + r.wallEta());
        assertEquals(0.0, g.h(r.wallEta()), 1e-9);
        assertTrue(r.confining());
        assertEquals(StrictMath.exp(0.5 * g.logG(r.wallEta())), r.stringTension(), 1e-12);
        assertEquals("unbounded", r.rMaxKind());
        assertEquals(PublishedPotentialTest.MALDACENA_C, r.coulomb(), 1e-9, "pure AdS above eta_ini: the UV Coulomb law");
        // linear rise: along the branch attached to the boundary the slope tends to the string tension
        QuarkPotential.Branch outer = r.branches().get(0);
        assertEquals(QuarkPotential.End.WALL, outer.bottomEnd());
        int n = outer.points().size();
        QuarkPotential.Point a = outer.points().get(n - 1);
        QuarkPotential.Point b = outer.points().get(n - 4);
        assertTrue(a.r() > 3.0, "r grows without bound towards the wall: " + a.r());
        assertEquals(r.stringTension(), (a.v() - b.v()) / (a.r() - b.r()), 1e-3 * r.stringTension());
        // screening at large r: the connected energy crosses zero at r_screen, the minimum is screened beyond
        assertTrue(r.rScreen() > 0.3 && r.rScreen() < 2.0, "r_screen " + r.rScreen());
        QuarkPotential.MinimumPoint last = r.minimum().get(r.minimum().size() - 1);
        assertEquals(-1, last.branch());
        System.out.printf("published h, f=g: wall %.5f, string tension %.5f, r_screen %.5f L, c %.6f%n",
                r.wallEta(), r.stringTension(), r.rScreen(), r.coulomb());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new LearnedGeometry(4, QCD_GRID, new double[3], LearnedGeometry.Split.F_EQUALS_G));
        double[] h = PUBLISHED_H.clone();
        h[2] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> new LearnedGeometry(4, QCD_GRID, h, LearnedGeometry.Split.F_EQUALS_G));
        assertThrows(IllegalArgumentException.class, () -> ExactGeometries.parse("ads:d=x"));
        assertThrows(IllegalArgumentException.class, () -> ExactGeometries.parse("flat"));
        assertEquals(3, ExactGeometries.parse("ads-schwarzschild:d=3").dimension());
        assertEquals("ads", ExactGeometries.parse("ads").name());
    }
}
