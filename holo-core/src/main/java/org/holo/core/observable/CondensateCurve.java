package org.holo.core.observable;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.solvers.AllowedSolution;
import org.apache.commons.math3.analysis.solvers.BracketingNthOrderBrentSolver;
import org.holo.core.boundary.QcdBoundaryMap;
import org.holo.core.model.HolographicNetwork;

/**
 * The model's prediction of the chiral condensate (physics.md §7): for a quark mass m_q, every σ = ⟨q̄q⟩ at which
 * the trained forward map satisfies the horizon condition, F(m_q, σ) = 0. F is evaluated with
 * {@link HolographicNetwork#horizonValues} on a grid of σ, each sign change is bracketed and refined with Commons
 * Math's {@link BracketingNthOrderBrentSolver}. Roots are numbered per m_q in ascending σ (branch 0, 1, …).
 * A root where F touches zero without changing sign is not found (F would have to vanish to double precision at a
 * grid point); a grid point where F is exactly 0 is a root.
 */
public final class CondensateCurve {

    private final HolographicNetwork network;
    private final double[] params;
    private final BracketingNthOrderBrentSolver solver;

    /** One predicted point: m_q (GeV), σ (GeV³), root index for that m_q. */
    public record Point(double mq, double sigma, int branch) {
    }

    /**
     * A data point against the prediction: F and the network output t(F) at the point, the nearest predicted root
     * at the same m_q (NaN when there is none) and σ − root.
     */
    public record Residual(double mq, double sigma, double horizonValue, double output, double nearestRoot, double residual) {
    }

    /**
     * @throws IllegalArgumentException when the network's input layer is not the QCD map (m_q, σ)
     */
    public CondensateCurve(HolographicNetwork network, double[] params) {
        if (!(network.boundary() instanceof QcdBoundaryMap)) {
            throw new IllegalArgumentException("the condensate curve needs a network with the qcd input layer (m_q, <qbar q>),"
                    + " this one has '" + network.boundary().name() + "'");
        }
        if (params.length != network.layout().size()) {
            throw new IllegalArgumentException("expected " + network.layout().size() + " parameters, got " + params.length);
        }
        this.network = network;
        this.params = params.clone();
        this.solver = new BracketingNthOrderBrentSolver(1e-14, 1e-17, 1e-300, 5);
    }

    /** F(m_q, σ) of the trained network. */
    public double horizonValue(double mq, double sigma) {
        return network.horizonValue(params, mq, sigma);
    }

    /** F at m_q for every σ of the grid, in one batch. */
    public double[] horizonValues(double mq, double[] sigmas) {
        int n = sigmas.length;
        double[] mqs = new double[n];
        java.util.Arrays.fill(mqs, mq);
        double[] out = new double[n];
        network.horizonValues(params, mqs, sigmas, n, out, new HolographicNetwork.Workspace(network, n));
        return out;
    }

    /** All roots σ of F(m_q, ·) between the first and last grid value (ascending grid), ascending. */
    public double[] roots(double mq, double[] sigmaGrid) {
        double[] f = horizonValues(mq, sigmaGrid);
        List<Double> roots = new ArrayList<>();
        for (int i = 0; i < sigmaGrid.length; i++) {
            if (!Double.isFinite(f[i])) {
                continue;
            }
            if (f[i] == 0.0) {
                roots.add(sigmaGrid[i]);
                continue;
            }
            if (i + 1 < sigmaGrid.length && Double.isFinite(f[i + 1]) && f[i + 1] != 0.0 && (f[i] < 0.0) != (f[i + 1] < 0.0)) {
                roots.add(solver.solve(400, s -> horizonValue(mq, s), sigmaGrid[i], sigmaGrid[i + 1], AllowedSolution.ANY_SIDE));
            }
        }
        return roots.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The predicted curve: every root for every m_q. */
    public List<Point> curve(double[] mqs, double[] sigmaGrid) {
        List<Point> out = new ArrayList<>();
        for (double mq : mqs) {
            double[] r = roots(mq, sigmaGrid);
            for (int b = 0; b < r.length; b++) {
                out.add(new Point(mq, r[b], b));
            }
        }
        return out;
    }

    /** How a data point (m_q, σ) sits against the prediction. */
    public Residual residual(double mq, double sigma, double[] sigmaGrid) {
        double f = horizonValue(mq, sigma);
        double t = network.output().value(f);
        double nearest = Double.NaN;
        for (double r : roots(mq, sigmaGrid)) {
            if (Double.isNaN(nearest) || Math.abs(sigma - r) < Math.abs(sigma - nearest)) {
                nearest = r;
            }
        }
        return new Residual(mq, sigma, f, t, nearest, sigma - nearest);
    }

    /** n + 1 evenly spaced values from a to b (n ≥ 1 steps). */
    public static double[] grid(double from, double to, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("a grid needs at least one step, got " + steps);
        }
        if (!Double.isFinite(from) || !Double.isFinite(to) || !(to > from)) {
            throw new IllegalArgumentException("a grid needs finite FROM < TO, got " + from + " and " + to);
        }
        double[] g = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            g[i] = i == steps ? to : from + (to - from) * i / steps;
        }
        return g;
    }
}
