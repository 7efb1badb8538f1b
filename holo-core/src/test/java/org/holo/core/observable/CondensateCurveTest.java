package org.holo.core.observable;

import org.holo.core.TestComponents;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.holo.core.RadialGrid;
import org.holo.core.ScalarTheory;
import org.holo.core.boundary.QcdBoundaryMap;
import org.holo.core.boundary.RawBoundaryMap;
import org.holo.core.horizon.BumpOutput;
import org.holo.core.layer.LayerMap;
import org.holo.core.metric.PerLayerMetric;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.ParameterLayout;
import org.junit.jupiter.api.Test;

/** The predicted condensate curve: roots of F(m_q, ·) found by bracketing and Brent refinement. */
class CondensateCurveTest {

    static final RadialGrid GRID = LearnedGeometryTest.QCD_GRID;

    static HolographicNetwork qcdNetwork(String scheme) {
        LayerMap map = TestComponents.scheme(scheme, GRID, -3.0);
        return new HolographicNetwork(GRID, new ScalarTheory(4, -3.0), map, new QcdBoundaryMap(GRID.etaIni(), 3),
                TestComponents.horizon("pi", GRID.etaFin(), -3.0), new BumpOutput(0.1, 0.01),
                new PerLayerMetric(GRID, map.nodes()), true, true);
    }

    static double[] params(HolographicNetwork net, double[] h, double radius, double lambda) {
        ParameterLayout layout = net.layout();
        double[] p = new double[layout.size()];
        System.arraycopy(h, 0, p, layout.offsetOf(ParameterLayout.METRIC), h.length);
        p[layout.offsetOf(ParameterLayout.RADIUS)] = radius;
        p[layout.offsetOf(ParameterLayout.LAMBDA)] = lambda;
        return p;
    }

    @Test
    void rootsAreZerosOfTheForwardMapAndMatchABruteForceScan() {
        HolographicNetwork net = qcdNetwork("euler");
        CondensateCurve curve = new CondensateCurve(net, params(net, LearnedGeometryTest.PUBLISHED_H, 3.85, 0.0055));
        double[] grid = CondensateCurve.grid(0.0, 0.3, 600);
        double[] fine = CondensateCurve.grid(0.0, 0.3, 60000);
        for (double mq : new double[] {0.0, 0.002, 0.01, 0.02}) {
            double[] roots = curve.roots(mq, grid);
            assertTrue(roots.length >= 1, "a root at m_q = " + mq);
            for (int i = 0; i < roots.length; i++) {
                // F(root) = 0 to the precision of σ: a step of a few ulp changes its sign
                double h = 1e-13;
                assertTrue(Math.signum(curve.horizonValue(mq, roots[i] - h)) != Math.signum(curve.horizonValue(mq, roots[i] + h))
                        || curve.horizonValue(mq, roots[i]) == 0.0, "root " + roots[i]);
                if (i > 0) {
                    assertTrue(roots[i] > roots[i - 1]);
                }
            }
            // the same sign changes on a 100× finer grid
            double[] f = curve.horizonValues(mq, fine);
            int changes = 0;
            for (int i = 0; i + 1 < f.length; i++) {
                if ((f[i] < 0) != (f[i + 1] < 0)) {
                    changes++;
                }
            }
            assertEquals(changes, roots.length, "m_q = " + mq);
        }
    }

    /** λ = 0: the layer map is linear, F = a(m_q) + b σ, one root, known from two evaluations. */
    @Test
    void linearMapHasTheExactRoot() {
        HolographicNetwork net = qcdNetwork("rk4");
        CondensateCurve curve = new CondensateCurve(net, params(net, LearnedGeometryTest.PUBLISHED_H, 3.0, 0.0));
        double mq = 0.01;
        double f0 = curve.horizonValue(mq, 0.0);
        double f1 = curve.horizonValue(mq, 1.0);
        double exact = -f0 / (f1 - f0);
        double[] roots = curve.roots(mq, CondensateCurve.grid(Math.min(0, 2 * exact), Math.max(0, 2 * exact) + 1e-3, 50));
        assertEquals(1, roots.length);
        assertEquals(exact, roots[0], 1e-14 * Math.max(1.0, Math.abs(exact)));
    }

    @Test
    void curveNumbersBranchesPerQuarkMassAndResidualsPointToTheNearestRoot() {
        HolographicNetwork net = qcdNetwork("euler");
        CondensateCurve curve = new CondensateCurve(net, params(net, LearnedGeometryTest.PUBLISHED_H, 3.85, 0.0055));
        double[] grid = CondensateCurve.grid(0.0, 0.3, 600);
        double[] mqs = CondensateCurve.grid(0.0, 0.022, 4);
        List<CondensateCurve.Point> pts = curve.curve(mqs, grid);
        for (double mq : mqs) {
            double[] roots = curve.roots(mq, grid);
            double[] listed = pts.stream().filter(p -> p.mq() == mq).mapToDouble(CondensateCurve.Point::sigma).toArray();
            assertArrayEquals(roots, listed);
            int[] branches = pts.stream().filter(p -> p.mq() == mq).mapToInt(CondensateCurve.Point::branch).toArray();
            for (int b = 0; b < branches.length; b++) {
                assertEquals(b, branches[b]);
            }
        }
        double[] roots = curve.roots(0.01, grid);
        CondensateCurve.Residual r = curve.residual(0.01, roots[0] + 0.001, grid);
        assertEquals(roots[0], r.nearestRoot(), 0.0);
        assertEquals(0.001, r.residual(), 1e-12);
        assertEquals(curve.horizonValue(0.01, roots[0] + 0.001), r.horizonValue(), 0.0);
        assertEquals(net.output().value(r.horizonValue()), r.output(), 0.0);
    }

    @Test
    void needsTheQcdInputLayer() {
        LayerMap map = TestComponents.scheme("euler", GRID, -3.0);
        HolographicNetwork raw = new HolographicNetwork(GRID, new ScalarTheory(4, -3.0), map, new RawBoundaryMap(),
                TestComponents.horizon("pi", GRID.etaFin(), -3.0), new BumpOutput(0.1, 0.01),
                new PerLayerMetric(GRID, map.nodes()), true, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CondensateCurve(raw, new double[raw.layout().size()]));
        assertTrue(e.getMessage().contains("qcd"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CondensateCurve.grid(1.0, 0.0, 10));
        assertThrows(IllegalArgumentException.class, () -> CondensateCurve.grid(0.0, 1.0, 0));
    }
}
