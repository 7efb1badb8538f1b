package org.holo.core.metric;

import org.holo.core.TestComponents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.holo.core.GradientCheck;
import org.holo.core.RadialGrid;
import org.holo.core.ScalarTheory;
import org.holo.core.boundary.RawBoundaryMap;
import org.holo.core.horizon.BumpOutput;
import org.holo.core.layer.LayerMap;
import org.holo.core.loss.BoundaryRegulariser;
import org.holo.core.loss.DataLoss;
import org.holo.core.loss.SmoothnessRegulariser;
import org.holo.core.model.Batch;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;
import org.holo.core.model.ParameterLayout;
import org.junit.jupiter.api.Test;

/** h = c/η + r: exact on the AdS-Schwarzschild metric, its adjoint is the transpose, and the objective's gradient in r and c. */
class HorizonMetricTest {

    private static final RadialGrid GRID = new RadialGrid(1.0, 0.1, 10);

    /** 3 coth 3η = 1/η + r(η) with r smooth (r → 0 at the horizon), so c = 1 and r sampled at the layers give h. */
    @Test
    void reproducesAdsSchwarzschildAtLayersAndBetweenThem() {
        Metric exact = AnalyticMetrics.byName("ads-schwarzschild", 3);
        for (String scheme : List.of("euler", "rk4")) {
            LayerMap layers = TestComponents.scheme(scheme, GRID, -1.0);
            HorizonMetric metric = new HorizonMetric(GRID, layers.nodes());
            double[] params = new double[metric.size()];
            for (int i = 0; i < 10; i++) {
                double eta = GRID.eta(i);
                params[i] = exact.h(eta) - 1.0 / eta;
            }
            params[metric.coefficientIndex()] = 1.0;
            for (int i = 0; i < 10; i++) {
                assertEquals(exact.h(GRID.eta(i)), metric.layerValue(params, 0, i), 1e-12);
            }
            double[] nodes = new double[layers.nodes().length];
            metric.values(params, 0, nodes);
            // the same nodes from per-layer weights h_i = h(η_i): there the cubic must follow the 1/η rise itself
            PerLayerMetric perLayer = new PerLayerMetric(GRID, layers.nodes());
            double[] plain = new double[nodes.length];
            perLayer.values(exact.sample(GRID.layerEtas()), 0, plain);
            double worst = 0;
            double worstPlain = 0;
            for (int n = 0; n < nodes.length; n++) {
                double eta = layers.nodes()[n];
                // only the smooth remainder is interpolated (extrapolated below η_9 = 0.19); the 1/η rise is exact
                assertEquals(exact.h(eta), nodes[n], 5e-3, scheme + " node at eta " + eta);
                worst = Math.max(worst, Math.abs(nodes[n] - exact.h(eta)));
                worstPlain = Math.max(worstPlain, Math.abs(plain[n] - exact.h(eta)));
            }
            if (scheme.equals("rk4")) {
                assertTrue(worst < worstPlain / 50, "horizon-aware " + worst + " vs per-layer " + worstPlain);
            }
        }
    }

    /** values and layerValue are linear in (r, c); backward and layerValueBackward must be their exact transposes. */
    @Test
    void backwardIsTheTransposeOfTheForwardMap() {
        LayerMap layers = TestComponents.scheme("rk4", GRID, -1.0);
        HorizonMetric metric = new HorizonMetric(GRID, layers.nodes());
        SplittableRandom rnd = new SplittableRandom(7);
        double[] theta = rnd.doubles(metric.size(), -2, 2).toArray();
        double[] dNodes = rnd.doubles(layers.nodes().length, -1, 1).toArray();
        double[] h = new double[dNodes.length];
        metric.values(theta, 0, h);
        double[] jt = new double[metric.size()];
        metric.backward(theta, 0, dNodes, jt);
        double lhs = 0;
        double rhs = 0;
        for (int n = 0; n < h.length; n++) {
            lhs += dNodes[n] * h[n];
        }
        for (int k = 0; k < theta.length; k++) {
            rhs += jt[k] * theta[k];
        }
        assertEquals(lhs, rhs, 1e-12 * Math.abs(lhs));
        for (int i = 0; i < 10; i++) {
            double[] g = new double[metric.size()];
            metric.layerValueBackward(theta, 0, i, 1.0, g);
            double dot = 0;
            for (int k = 0; k < theta.length; k++) {
                dot += g[k] * theta[k];
            }
            assertEquals(metric.layerValue(theta, 0, i), dot, 1e-12);
        }
    }

    /**
     * The objective with the horizon metric (c trained), both regularisers on, against finite differences: the
     * boundary penalty acts on h(η_0) = c/η_0 + r_0 and therefore pulls on c too; smoothness acts on r alone.
     */
    @Test
    void objectiveGradientInRemainderAndCoefficient() {
        LayerMap layers = TestComponents.scheme("rk4", GRID, -1.0);
        HolographicNetwork net = new HolographicNetwork(GRID, new ScalarTheory(3, -1.0), layers, new RawBoundaryMap(),
                TestComponents.horizon("regular", 0.1, -1.0), new BumpOutput(0.1, 0.3),
                new HorizonMetric(GRID, layers.nodes()), false, true, true);
        ParameterLayout layout = net.layout();
        assertEquals(List.of("h", "c", "lambda"), layout.names());
        assertTrue(layout.trainableMask()[layout.offsetOf(ParameterLayout.HORIZON)]);
        Objective objective = new Objective(net, TestComponents.loss("mse"),
                List.of(new BoundaryRegulariser(0.5, 3, net.metric()), new SmoothnessRegulariser(0.3, GRID, true)));
        double[] params = new double[layout.size()];
        for (int i = 0; i < 10; i++) {
            params[i] = 2.0 + 0.2 * Math.sin(i);
        }
        params[layout.offsetOf(ParameterLayout.HORIZON)] = 1.1;
        params[layout.offsetOf(ParameterLayout.LAMBDA)] = 1.0;
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 16;
        Batch batch = Batch.of(rnd.doubles(n, 0, 1.5).toArray(), rnd.doubles(n, -0.2, 0.2).toArray(),
                rnd.ints(n, 0, 2).asDoubleStream().toArray());
        double[] grad = new double[params.length];
        HolographicNetwork.Workspace ws = objective.newWorkspace(n);
        objective.evaluate(params, batch, grad, ws, null);
        double[] fd = GradientCheck.gradient7(x -> objective.evaluate(x, batch, null, ws, null), params,
                GradientCheck.steps(params, 1e-3, 1.0));
        double max = 0;
        for (double g : fd) {
            max = Math.max(max, Math.abs(g));
        }
        for (int k = 0; k < params.length; k++) {
            assertEquals(fd[k], grad[k], 1e-6 * Math.max(Math.abs(fd[k]), 1e-3 * max), layout.nameOf(k));
        }
        assertTrue(Math.abs(grad[layout.offsetOf(ParameterLayout.HORIZON)]) > 1e-3 * max, "c must be exercised");
    }

    @Test
    void refusesAGridThatReachesTheHorizon() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HorizonMetric(new RadialGrid(1.0, 0.0, 10), new double[] {1.0}));
        assertTrue(e.getMessage().contains("eta_fin > 0"), e.getMessage());
    }
}
