package org.holo.core.modes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.holo.core.RadialGrid;
import org.holo.core.ScalarTheory;
import org.holo.core.TestComponents;
import org.holo.core.boundary.QcdBoundaryMap;
import org.holo.core.boundary.RawBoundaryMap;
import org.holo.core.data.LabelledData;
import org.holo.core.horizon.BumpOutput;
import org.holo.core.layer.LayerMap;
import org.holo.core.metric.PerLayerMetric;
import org.holo.core.metric.SplineMetric;
import org.holo.core.model.Batch;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;
import org.junit.jupiter.api.Test;

/**
 * The metric modes: per-sample Jacobians against finite differences, the Gauss–Newton matrix against the existing
 * sensitivity diagonal and against an SVD of the finite-difference Jacobian, the determined count against an
 * independent whitening (Cholesky of the prior) and against cases whose count is known by construction.
 */
class MetricModesTest {

    private static final int LAYERS = 10;

    /** A raw-input network with a wide bump (δ = 0.3) so every sample's output responds to the metric. */
    private static HolographicNetwork raw(String scheme, boolean spline) {
        RadialGrid grid = new RadialGrid(1.0, 0.1, LAYERS);
        LayerMap layers = TestComponents.scheme(scheme, grid, -1.0);
        return new HolographicNetwork(grid, new ScalarTheory(3, -1.0), layers, new RawBoundaryMap(),
                TestComponents.horizon("regular", 0.1, -1.0), new BumpOutput(0.1, 0.3),
                spline ? new SplineMetric(grid, layers.nodes(), 5) : new PerLayerMetric(grid, layers.nodes()), false, true);
    }

    private static double[] params(HolographicNetwork net) {
        double[] p = new double[net.layout().size()];
        int m = net.metric().size();
        for (int i = 0; i < m; i++) {
            double eta = m == LAYERS ? net.grid().eta(i) : 1.0 - 0.9 * i / (m - 1.0);
            p[net.metricOffset() + i] = 3.0 / Math.tanh(3.0 * eta) + 0.1 * Math.sin(i);
        }
        p[net.layout().offsetOf("lambda")] = 1.0;
        return p;
    }

    /** Points whose F lies near the bump's edges, so that dt/dF is far from 0. */
    private static LabelledData data(HolographicNetwork net, double[] params, int n, long seed) {
        Random rnd = new Random(seed);
        double[] x0 = new double[n];
        double[] x1 = new double[n];
        double[] y = new double[n];
        for (int b = 0; b < n; b++) {
            x0[b] = rnd.nextDouble() * 1.2;
            double target = (b % 2 == 0 ? 0.1 : -0.1) + 0.2 * (rnd.nextDouble() - 0.5);
            x1[b] = solvePi(net, params, x0[b], target);
            y[b] = b % 2;
        }
        return new LabelledData(List.of("phi", "pi"), x0, x1, y);
    }

    private static double solvePi(HolographicNetwork net, double[] params, double phi, double target) {
        double lo = -1.0;
        double hi = 1.0;
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (lo + hi);
            if (net.horizonValue(params, phi, mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    @Test
    void rowsMatchFiniteDifferencesForEverySchemeAndParametrisation() {
        for (String scheme : List.of("euler", "rk4")) {
            for (boolean spline : new boolean[] {false, true}) {
                HolographicNetwork net = raw(scheme, spline);
                double[] p = params(net);
                LabelledData d = data(net, p, 6, 1);
                OutputJacobian jac = new OutputJacobian(net, p);
                assertEquals(LAYERS + 1, jac.size(), "h at the layers and the trainable λ");
                double[] row = new double[jac.size()];
                double[] fd = new double[jac.size()];
                double max = 0;
                for (int b = 0; b < d.size(); b++) {
                    double t = jac.row(d.x0(b), d.x1(b), row);
                    assertEquals(net.output().value(net.horizonValue(p, d.x0(b), d.x1(b))), t, 1e-15);
                    jac.finiteDifferenceRow(d.x0(b), d.x1(b), 1e-5, fd);
                    for (int i = 0; i < row.length; i++) {
                        max = Math.max(max, Math.abs(fd[i]));
                        assertEquals(fd[i], row[i], 1e-7 + 1e-6 * Math.abs(fd[i]), scheme + (spline ? " spline " : " ")
                                + jac.coordinates().get(i) + " sample " + b);
                    }
                }
                assertTrue(max > 1e-2, "responsive outputs, max |dt/dθ| " + max);
            }
        }
    }

    @Test
    void radiusRowMatchesFiniteDifferences() {
        RadialGrid grid = new RadialGrid(1.0, 0.1, LAYERS);
        LayerMap layers = TestComponents.scheme("euler", grid, -3.0);
        HolographicNetwork net = new HolographicNetwork(grid, new ScalarTheory(4, -3.0), layers, new QcdBoundaryMap(1.0, 3),
                TestComponents.horizon("pi", 0.1, -3.0), new BumpOutput(0.1, 0.5), new PerLayerMetric(grid, layers.nodes()),
                true, true);
        double[] p = new double[net.layout().size()];
        for (int i = 0; i < LAYERS; i++) {
            p[i] = 1.0 / grid.eta(i);
        }
        p[net.layout().offsetOf("L")] = 3.0;
        p[net.layout().offsetOf("lambda")] = 0.02;
        OutputJacobian jac = new OutputJacobian(net, p);
        assertEquals(List.of("L", "lambda"), jac.coordinates().subList(LAYERS, LAYERS + 2));
        double[] row = new double[jac.size()];
        double[] fd = new double[jac.size()];
        int responsive = 0;
        for (double mq = 0.0; mq <= 0.02; mq += 0.005) {
            for (double s = 0.01; s < 0.1; s += 0.02) {
                jac.row(mq, s, row);
                jac.finiteDifferenceRow(mq, s, 1e-5, fd);
                for (int i = 0; i < row.length; i++) {
                    assertEquals(fd[i], row[i], 1e-7 + 1e-6 * Math.abs(fd[i]), jac.coordinates().get(i));
                }
                if (Math.abs(row[jac.radiusIndex()]) > 1e-3) {
                    responsive++;
                }
            }
        }
        assertTrue(responsive > 3, "L must move some outputs, " + responsive);
    }

    @Test
    void gaussNewtonDiagonalIsTheSensitivityProfileAndItsSpectrumTheJacobiansSingularValues() {
        HolographicNetwork net = raw("rk4", false);
        double[] p = params(net);
        LabelledData d = data(net, p, 40, 2);
        OutputJacobian jac = new OutputJacobian(net, p);
        double[][] g = jac.gaussNewton(d);
        Objective objective = new Objective(net, TestComponents.loss("mse"), List.of());
        double[] x0 = new double[d.size()];
        double[] x1 = new double[d.size()];
        for (int b = 0; b < d.size(); b++) {
            x0[b] = d.x0(b);
            x1[b] = d.x1(b);
        }
        double[] diag = objective.layerSensitivity(p, Batch.of(x0, x1, new double[d.size()]), objective.newWorkspace(d.size()));
        for (int i = 0; i < LAYERS; i++) {
            assertEquals(diag[i], g[i][i], 1e-12 * diag[i], "G_ii is the existing per-layer sensitivity");
        }
        // the finite-difference Jacobian's squared singular values over n are G's eigenvalues
        double[][] j = new double[d.size()][jac.size()];
        for (int b = 0; b < d.size(); b++) {
            jac.finiteDifferenceRow(d.x0(b), d.x1(b), 1e-5, j[b]);
        }
        double[] sv = new SingularValueDecomposition(new Array2DRowRealMatrix(j)).getSingularValues();
        MetricModes modes = MetricModes.of(jac.coordinates(), g, 1.0, new double[jac.size()][jac.size()]);
        double[] ev = modes.eigenvalues();
        for (int k = 0; k < 3; k++) {
            assertEquals(sv[k] * sv[k] / d.size(), ev[k], 1e-6 * ev[k], "eigenvalue " + k);
        }
        // eigenpairs: G v = λ v, unit length, mutually orthogonal
        for (int k = 0; k < ev.length; k++) {
            double[] v = modes.mode(k);
            for (int i = 0; i < v.length; i++) {
                double gv = 0;
                for (int l = 0; l < v.length; l++) {
                    gv += g[i][l] * v[l];
                }
                assertEquals(ev[k] * v[i], gv, 1e-12 * ev[0], "G v = λ v, mode " + k);
            }
            for (int m = 0; m <= k; m++) {
                double dot = 0;
                double[] u = modes.mode(m);
                for (int i = 0; i < v.length; i++) {
                    dot += u[i] * v[i];
                }
                assertEquals(m == k ? 1.0 : 0.0, dot, 1e-12);
            }
        }
    }

    @Test
    void determinedCountMatchesAWhiteningByTheCholeskyFactorOfThePrior() {
        HolographicNetwork net = raw("euler", false);
        double[] p = params(net);
        LabelledData d = data(net, p, 30, 3);
        OutputJacobian jac = new OutputJacobian(net, p, false, false); // h alone: the prior below is positive definite
        int n = d.size();
        int q = jac.size();
        double[][] g = jac.gaussNewton(d);
        for (double scale : new double[] {1e-6, 1e-5, 1e-2, 1.0, 100.0}) {
            double[][] prior = smoothnessAndBoundary(q, scale);
            MetricModes modes = MetricModes.of(jac.coordinates(), g, 2.0, prior);
            // independent: B = R Rᵀ, μ = σ² of √(2/n) J_fd R^{-T}
            RealMatrix rInvT = new CholeskyDecomposition(new Array2DRowRealMatrix(prior)).getLT();
            RealMatrix jfd = new Array2DRowRealMatrix(n, q);
            double[] row = new double[q];
            for (int b = 0; b < n; b++) {
                jac.finiteDifferenceRow(d.x0(b), d.x1(b), 1e-5, row);
                for (int i = 0; i < q; i++) {
                    jfd.setEntry(b, i, row[i] * Math.sqrt(2.0 / n));
                }
            }
            // J R^{-T}: solve R^T X^T = J^T, i.e. X = J (Rᵀ)^{-1}
            RealMatrix whitened = jfd.multiply(new org.apache.commons.math3.linear.LUDecomposition(rInvT).getSolver().getInverse());
            double[] s = new SingularValueDecomposition(whitened).getSingularValues();
            int count = 0;
            double effective = 0;
            for (double sv : s) {
                double mu = sv * sv;
                count += mu > 1 ? 1 : 0;
                effective += mu / (1 + mu);
            }
            assertEquals(count, modes.determined(), "determined count at prior scale " + scale);
            assertEquals(effective, modes.effectiveParameters(), 1e-5 * Math.max(1, effective), "N_eff at prior scale " + scale);
        }
    }

    /** Smoothness Σ c (h_i − h_{i−1})² plus c (h_0 − d)²: positive definite, Hessian 2 × the quadratic form. */
    private static double[][] smoothnessAndBoundary(int q, double c) {
        double[][] b = new double[q][q];
        for (int i = 1; i < q; i++) {
            b[i][i] += 2 * c;
            b[i - 1][i - 1] += 2 * c;
            b[i][i - 1] -= 2 * c;
            b[i - 1][i] -= 2 * c;
        }
        b[0][0] += 2 * c;
        return b;
    }

    @Test
    void twoSamplesDetermineAtMostTwoDirections() {
        // the data's Jacobian has n rows: rank n by construction
        HolographicNetwork net = raw("euler", false);
        double[] p = params(net);
        for (int n = 1; n <= 3; n++) {
            LabelledData d = data(net, p, n, 10 + n);
            OutputJacobian jac = new OutputJacobian(net, p);
            double[][] g = jac.gaussNewton(d);
            MetricModes weak = MetricModes.of(jac.coordinates(), g, 1.0, scaled(smoothnessAndBoundary(jac.size(), 1.0), 1e-9));
            double[] ev = weak.eigenvalues();
                        assertTrue(ev[n - 1] > 1e-10 * ev[0], n + " samples: " + n + " nonzero eigenvalues");
            assertTrue(Math.abs(ev[n]) < 1e-13 * ev[0], n + " samples: the rest vanish, got " + ev[n] / ev[0]);
            assertEquals(n, weak.determined(), "a weak prior: every direction the data see is determined");
            assertEquals(n, weak.effectiveParameters(), 1e-3);
            MetricModes strong = MetricModes.of(jac.coordinates(), g, 1.0, scaled(smoothnessAndBoundary(jac.size(), 1.0), 1e9));
            assertEquals(0, strong.determined(), "a prior far stiffer than the data leaves nothing to them");
        }
    }

    @Test
    void aFlatPriorDirectionSeenByTheDataCountsOnceAndAFlatPairNotAtAll() {
        List<String> c = List.of("a", "b", "c");
        double[][] data = {{4, 0, 0}, {0, 0, 0}, {0, 0, 0}};
        double[][] prior = {{0, 0, 0}, {0, 1, 0}, {0, 0, 0}};
        MetricModes m = MetricModes.of(c, data, 1.0, prior);
        assertEquals(1, m.determined());
        assertEquals(1.0, m.effectiveParameters(), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, m.generalisedEigenvalues()[0]);
        // a 2×2 case by hand: A = diag(3, 0.5), B = I: μ = 3 and 0.5, N_eff = 3/4 + 1/3
        MetricModes h = MetricModes.of(List.of("x", "y"), new double[][] {{1.5, 0}, {0, 0.25}}, 2.0, new double[][] {{1, 0}, {0, 1}});
        assertEquals(1, h.determined());
        assertEquals(0.75 + 1.0 / 3.0, h.effectiveParameters(), 1e-15);
        assertEquals(3.0, h.generalisedEigenvalues()[0], 1e-14);
        assertEquals(0.5, h.generalisedEigenvalues()[1], 1e-14);
        // just below and just above the data-equals-prior line, with a non-diagonal prior B = diag(2, 4)
        MetricModes edge = MetricModes.of(List.of("x", "y"), new double[][] {{1.9, 0}, {0, 4.4}}, 1.0, new double[][] {{2, 0}, {0, 4}});
        assertEquals(1, edge.determined(), "μ = 0.95 is not determined, μ = 1.1 is");
        assertEquals(1.1, edge.generalisedEigenvalues()[0], 1e-13);
        assertEquals(0.95, edge.generalisedEigenvalues()[1], 1e-13);
    }

    private static double[][] scaled(double[][] m, double s) {
        for (double[] row : m) {
            for (int i = 0; i < row.length; i++) {
                row[i] *= s;
            }
        }
        return m;
    }
}
