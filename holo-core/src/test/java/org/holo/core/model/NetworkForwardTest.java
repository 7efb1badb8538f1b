package org.holo.core.model;

import org.holo.core.TestComponents;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.holo.core.RadialGrid;
import org.holo.core.ReferenceOde;
import org.holo.core.ScalarTheory;
import org.holo.core.boundary.QcdBoundaryMap;
import org.holo.core.boundary.RawBoundaryMap;
import org.holo.core.horizon.BumpOutput;
import org.holo.core.layer.LayerMap;
import org.holo.core.loss.BoundaryRegulariser;
import org.holo.core.loss.DataLoss;
import org.holo.core.loss.Regulariser;
import org.holo.core.loss.SmoothnessRegulariser;
import org.holo.core.metric.AnalyticMetrics;
import org.holo.core.metric.Metric;
import org.holo.core.metric.PerLayerMetric;
import org.junit.jupiter.api.Test;

/**
 * The assembled network (boundary map → layers → horizon condition → bump) and the objective's bookkeeping,
 * against values built from the pieces' physics.md formulas and an independent ODE solution.
 */
class NetworkForwardTest {

    static HolographicNetwork network(RadialGrid grid, ScalarTheory theory, String scheme, boolean qcd, String horizon,
                                      BumpOutput bump) {
        LayerMap map = TestComponents.scheme(scheme, grid, theory.massSquared());
        return new HolographicNetwork(grid, theory, map, qcd ? new QcdBoundaryMap(grid.etaIni(), 3) : new RawBoundaryMap(),
                TestComponents.horizon(horizon, grid.etaFin(), theory.massSquared()), bump,
                new PerLayerMetric(grid, map.nodes()), true, true);
    }

    static double[] params(HolographicNetwork net, Metric metric, double radius, double lambda) {
        ParameterLayout layout = net.layout();
        double[] p = new double[layout.size()];
        double[] h = metric.sample(net.grid().layerEtas());
        System.arraycopy(h, 0, p, layout.offsetOf(ParameterLayout.METRIC), h.length);
        if (layout.has(ParameterLayout.RADIUS)) {
            p[layout.offsetOf(ParameterLayout.RADIUS)] = radius;
        }
        p[layout.offsetOf(ParameterLayout.LAMBDA)] = lambda;
        return p;
    }

    /**
     * QCD input layer + fine RK4 on the AdS₅-Schwarzschild metric must give the F of an adaptive ODE solution
     * started from the §3 initial values (α, β recomputed here), for both horizon conditions.
     */
    @Test
    void forwardPassAgreesWithAnIndependentOdeSolution() {
        ScalarTheory theory = new ScalarTheory(4, -3.0);
        RadialGrid grid = new RadialGrid(1.0, 0.3, 280);
        Metric metric = AnalyticMetrics.adsSchwarzschild(4);
        double radius = 3.0;
        double lambda = 0.2;
        for (String horizon : TestComponents.horizons()) {
            HolographicNetwork net = network(grid, theory, "rk4", true, horizon, new BumpOutput(0.1, 0.01));
            double[] p = params(net, metric, radius, lambda);
            for (double[] x : new double[][] {{0.005, 0.03}, {0.02, 0.1}, {0.0, 0.11}}) {
                double a = Math.sqrt(3) * radius * x[0] / (2 * Math.PI);
                double b = Math.PI * radius * radius * radius * x[1] / Math.sqrt(3);
                double e = Math.exp(-1.0);
                double phi0 = a * e + b * e * e * e - 0.5 * lambda * a * a * a * e * e * e;
                double pi0 = -a * e - 3 * b * e * e * e + 1.5 * lambda * a * a * a * e * e * e - 0.5 * lambda * a * a * a * e * e * e;
                double[] end = ReferenceOde.dormandPrince(metric::h, -3.0, lambda, 1.0, phi0, pi0, 0.3);
                double expected = horizon.equals("pi") ? end[1]
                        : (2 / 0.3) * end[1] + 3.0 * end[0] - lambda * end[0] * end[0] * end[0];
                double f = net.horizonValue(p, x[0], x[1]);
                assertEquals(expected, f, 1e-7 * (1 + Math.abs(expected)), horizon + " at " + java.util.Arrays.toString(x));
            }
        }
    }

    /** The objective's parts equal the loss recomputed sample by sample from the network and the §5 formulas. */
    @Test
    void objectivePartsAreTheDataLossPlusTheRegularisers() {
        ScalarTheory theory = new ScalarTheory(3, -1.0);
        RadialGrid grid = new RadialGrid(1.0, 0.1, 10);
        BumpOutput bump = new BumpOutput(0.1, 0.05);
        HolographicNetwork net = network(grid, theory, "euler", false, "regular", bump);
        double[] p = params(net, AnalyticMetrics.adsSchwarzschild(3), Double.NaN, 1.0);
        p[3] += 0.4; // make the smoothness penalty non-trivial
        double[] x0 = {0.1, 0.5, 0.9, 1.2, 1.45};
        double[] x1 = {0.05, -0.1, 0.15, -0.2, 0.0};
        double[] y = {0, 1, 0, 1, 1};
        Batch batch = new Batch(8); // capacity larger than the batch in use
        System.arraycopy(x0, 0, batch.x0, 0, 5);
        System.arraycopy(x1, 0, batch.x1, 0, 5);
        System.arraycopy(y, 0, batch.y, 0, 5);
        batch.x0[5] = 1e6; // garbage beyond size() must be ignored
        batch.setSize(5);

        List<Regulariser> regs = List.of(new BoundaryRegulariser(0.01, 3), new SmoothnessRegulariser(0.02, grid));
        for (String lossName : TestComponents.losses()) {
            Objective obj = new Objective(net, TestComponents.loss(lossName), regs);
            Objective.Value parts = new Objective.Value();
            double[] grad = new double[p.length];
            double total = obj.evaluate(p, batch, grad, obj.newWorkspace(8), parts);

            double l1 = 0.0;
            double l2 = 0.0;
            double nll = 0.0;
            for (int b = 0; b < 5; b++) {
                double t = bump.value(net.horizonValue(p, x0[b], x1[b]));
                l1 += Math.abs(t - y[b]) / 5;
                l2 += (t - y[b]) * (t - y[b]) / 5;
                double pr = 1e-3 + (1 - 2e-3) * t; // the Bernoulli model's p with its default clip
                nll -= (y[b] * Math.log(pr) + (1 - y[b]) * Math.log(1 - pr)) / 5;
            }
            double expectedData = lossName.equals("mse") ? l2 : lossName.equals("bernoulli") ? nll : l1 * l1;
            double expectedReg = 0.01 * (3 - p[0]) * (3 - p[0]);
            for (int i = 1; i < 10; i++) {
                double etaHat = 1.0 + (i - 1) * (-0.09);
                expectedReg += 0.02 * Math.pow(etaHat, 4) * (p[i] - p[i - 1]) * (p[i] - p[i - 1]);
            }
            assertEquals(expectedData, parts.data, 1e-14, lossName);
            assertEquals(expectedReg, parts.regularisation, 1e-14, lossName);
            assertEquals(parts.data + parts.regularisation, parts.total, 0.0);
            assertEquals(parts.total, total, 0.0);
            assertTrue(expectedData > 1e-3 && expectedReg > 1e-4, "both parts should be non-trivial");
            // without a gradient (as in line searches) the value is the same, and grad is fully overwritten
            assertEquals(total, obj.evaluate(p, batch, null, obj.newWorkspace(5), null), 0.0);
            double[] grad2 = new double[p.length];
            java.util.Arrays.fill(grad2, 123.0);
            obj.evaluate(p, batch, grad2, obj.newWorkspace(8), null);
            assertArrayEquals(grad, grad2, 0.0);
        }
    }

    @Test
    void batchLargerThanWorkspaceIsRejected() {
        RadialGrid grid = new RadialGrid(1.0, 0.1, 10);
        HolographicNetwork net = network(grid, new ScalarTheory(3, -1.0), "rk4", false, "pi", new BumpOutput(0.1, 0.01));
        Objective obj = new Objective(net, TestComponents.loss("mse"), List.of());
        Batch batch = Batch.of(new double[4], new double[4], new double[4]);
        double[] p = new double[net.layout().size()];
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> obj.evaluate(p, batch, null, obj.newWorkspace(3), null));
        assertTrue(ex.getMessage().contains("capacity"));
    }

    @Test
    void parameterLayoutFollowsTheBoundaryMapAndFlags() {
        RadialGrid grid = new RadialGrid(1.0, 1.0 / 15.0, 15);
        ScalarTheory theory = new ScalarTheory(4, -3.0);
        HolographicNetwork qcd = network(grid, theory, "rk4", true, "pi", new BumpOutput(0.1, 0.01));
        ParameterLayout l = qcd.layout();
        assertEquals(17, l.size());
        assertEquals(List.of("h", "L", "lambda"), l.names());
        assertEquals(0, l.offsetOf("h"));
        assertEquals(15, l.offsetOf("L"));
        assertEquals(16, l.offsetOf("lambda"));
        assertEquals("h_3", l.nameOf(3));
        assertEquals("L", l.nameOf(15));
        assertEquals(31, qcd.nodeCount()); // rk4 reads 2N + 1 nodes

        LayerMap euler = TestComponents.scheme("euler", grid, -3.0);
        HolographicNetwork raw = new HolographicNetwork(grid, theory, euler, new RawBoundaryMap(),
                TestComponents.horizon("pi", grid.etaFin(), -3.0), new BumpOutput(0.1, 0.01),
                new PerLayerMetric(grid, euler.nodes()), true, false);
        assertEquals(List.of("h", "lambda"), raw.layout().names());
        assertEquals(-1, raw.layout().offsetOf("L"));
        assertTrue(Double.isNaN(raw.radius(new double[16])));
        boolean[] mask = raw.layout().trainableMask();
        assertTrue(mask[0] && mask[14]);
        assertFalse(mask[15], "lambda fixed when trainLambda is false");
        assertThrows(IllegalArgumentException.class, () -> raw.layout().block("L"));
    }
}
