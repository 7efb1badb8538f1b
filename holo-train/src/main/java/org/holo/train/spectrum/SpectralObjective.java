package org.holo.train.spectrum;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.holo.core.model.Batch;
import org.holo.core.model.Objective;
import org.holo.core.spectrum.MesonModel;
import org.holo.core.spectrum.MesonState;

/**
 * The training objective of a meson-spectrum run (physics.md §9.5): the mean squared pull of the batch's states,
 * pull = (m_model − m_data)/σ_eff with σ_eff = max(σ, widthFraction·Γ), plus the smoothness penalty
 * w·(aᵀM_q a + ΦᵀM_q Φ) with M_q the order-q roughness of each profile. Gradients are exact: Hellmann–Feynman for
 * the levels (∂m/∂θ = (∂m²/∂θ)/2m), the transpose of M for the penalty.
 */
public final class SpectralObjective {

    private final MesonModel model;
    private final Map<Long, Double> sigma = new HashMap<>();
    private final double smoothness;
    private final double[][] warpRoughness;
    private final double[][] dilatonRoughness;

    SpectralObjective(MesonModel model, List<MesonState> trained, double widthFraction, double smoothness, int order) {
        this.model = model;
        for (MesonState s : trained) {
            sigma.put(key(s.spin(), s.n()), s.effectiveSigma(widthFraction));
        }
        this.smoothness = smoothness;
        this.warpRoughness = model.warp().roughness(order);
        this.dilatonRoughness = model.dilaton().roughness(order);
    }

    private static long key(int spin, int n) {
        return ((long) spin << 32) | n;
    }

    /** σ_eff of the trained state (spin, n). */
    public double sigma(int spin, int n) {
        Double s = sigma.get(key(spin, n));
        if (s == null) {
            throw new IllegalArgumentException("no trained state with spin " + spin + " and n = " + n);
        }
        return s;
    }

    /**
     * Loss of {@code batch} (x0 = spin, x1 = n, y = mass in GeV) at {@code params}; overwrites {@code grad} with its
     * gradient and fills {@code parts}. Returns the total.
     */
    public double evaluate(double[] params, Batch batch, double[] grad, Objective.Value parts, boolean withRegularisers) {
        java.util.Arrays.fill(grad, 0.0);
        int size = batch.size();
        Map<Integer, Integer> levels = new java.util.TreeMap<>();
        for (int b = 0; b < size; b++) {
            levels.merge((int) batch.x0[b], (int) batch.x1[b] + 1, Math::max);
        }
        Map<Integer, MesonModel.Tower> towers = new HashMap<>();
        levels.forEach((spin, count) -> towers.put(spin, model.tower(params, spin, count)));
        double data = 0.0;
        for (int b = 0; b < size; b++) {
            int spin = (int) batch.x0[b];
            int n = (int) batch.x1[b];
            MesonModel.Tower t = towers.get(spin);
            double m = t.mass(n);
            double s = sigma(spin, n);
            double pull = (m - batch.y[b]) / s;
            data += pull * pull;
            // d(pull²)/dm² = 2·pull/σ · 1/(2m)
            model.addGradient(t, n, pull / (s * m) / size, grad);
        }
        data /= size;
        double reg = 0.0;
        if (withRegularisers && smoothness > 0) {
            reg = smoothness * (quadratic(warpRoughness, params, 0, grad) + quadratic(dilatonRoughness, params, model.dilatonOffset(), grad));
        }
        parts.data = data;
        parts.regularisation = reg;
        parts.total = data + reg;
        return parts.total;
    }

    /** cᵀMc for the block at {@code offset}; adds w·2Mc to grad. */
    private double quadratic(double[][] m, double[] params, int offset, double[] grad) {
        double sum = 0.0;
        for (int a = 0; a < m.length; a++) {
            double row = 0.0;
            for (int b = 0; b < m.length; b++) {
                row += m[a][b] * params[offset + b];
            }
            sum += params[offset + a] * row;
            grad[offset + a] += smoothness * 2.0 * row;
        }
        return sum;
    }

    /** The smoothness penalty alone (for reports). */
    public double roughness(double[] params) {
        double[] scratch = new double[params.length];
        return smoothness * (quadratic(warpRoughness, params, 0, scratch) + quadratic(dilatonRoughness, params, model.dilatonOffset(), scratch));
    }
}
