package org.example.holo;

import org.holo.core.RadialGrid;
import org.holo.core.component.ModelContext;
import org.holo.core.component.Settings;
import org.holo.core.layer.LayerMap;
import org.holo.core.layer.LayerSchemeProvider;
import org.holo.core.tensor.LayerTensorForm;
import org.holo.core.tensor.Phase;
import org.holo.core.tensor.Tensors;

/**
 * The explicit midpoint rule (second-order Runge–Kutta) for the equation of motion
 * ∂_η φ = π, ∂_η π = −h(η) π + m² φ + λ φ³. Layer i reads h at its start η_i and at its half step
 * η_i + Δη/2 (nodes 2i and 2i+1 of 2N): the metric parametrisation supplies h there, so the scheme never
 * interpolates by itself.
 * <pre>
 *   k1 = f(y_i, h(η_i)),   y_mid = y_i + Δη/2 · k1,   k2 = f(y_mid, h(η_i + Δη/2)),   y_{i+1} = y_i + Δη · k2
 * </pre>
 * The backward pass recomputes the half step from the stored layer states instead of storing it. Both passes take
 * a whole mini-batch, states layer-major ({@code phi[i][b]}); this example keeps the loop over samples outermost.
 * The tensor form ({@link #integrate}) is the same forward pass over (members × samples) arrays, which the djl
 * backend runs and differentiates.
 */
public final class MidpointLayerMap implements LayerMap, LayerTensorForm {

    public static final String NAME = "midpoint";

    private final RadialGrid grid;
    private final int layers;
    private final double step;
    private final double m2;

    public MidpointLayerMap(RadialGrid grid, double massSquared) {
        this.grid = grid;
        this.layers = grid.layers();
        this.step = grid.step();
        this.m2 = massSquared;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] nodes() {
        double[] eta = new double[2 * layers];
        for (int i = 0; i < layers; i++) {
            eta[2 * i] = grid.eta(i);
            eta[2 * i + 1] = grid.eta(i) + 0.5 * step;
        }
        return eta;
    }

    @Override
    public void forward(double[] h, double lambda, double[][] phi, double[][] pi, int n) {
        double half = 0.5 * step;
        for (int b = 0; b < n; b++) {
            double p = phi[0][b];
            double q = pi[0][b];
            for (int i = 0; i < layers; i++) {
                double k1p = q;
                double k1q = -h[2 * i] * q + m2 * p + lambda * p * p * p;
                double pm = p + half * k1p;
                double qm = q + half * k1q;
                double k2p = qm;
                double k2q = -h[2 * i + 1] * qm + m2 * pm + lambda * pm * pm * pm;
                p = p + step * k2p;
                q = q + step * k2q;
                phi[i + 1][b] = p;
                pi[i + 1][b] = q;
            }
        }
    }

    @Override
    public void backward(double[] h, double lambda, double[][] phi, double[][] pi, int n,
                         double[] adjPhi, double[] adjPi, double[][] dh, double[] dLambdas) {
        double half = 0.5 * step;
        for (int b = 0; b < n; b++) {
            double aP = adjPhi[b];
            double aQ = adjPi[b];
            double dLambda = 0.0;
            for (int i = layers - 1; i >= 0; i--) {
                double ha = h[2 * i];
                double hm = h[2 * i + 1];
                double p = phi[i][b];
                double q = pi[i][b];
                double pm = p + half * q;
                double qm = q + half * (-ha * q + m2 * p + lambda * p * p * p);

                // y_{i+1} = y_i + Δη k2: the adjoint of k2 is Δη times the adjoint of y_{i+1}
                double aK2p = step * aP;
                double aK2q = step * aQ;
                // k2 = f(y_mid, hm)
                double aMp = aK2q * (m2 + 3.0 * lambda * pm * pm);
                double aMq = aK2p - hm * aK2q;
                dh[2 * i + 1][b] -= aK2q * qm;
                dLambda += aK2q * pm * pm * pm;
                // y_mid = y_i + Δη/2 k1, and k1 = f(y_i, ha)
                double aK1p = half * aMp;
                double aK1q = half * aMq;
                dh[2 * i][b] -= aK1q * q;
                dLambda += aK1q * p * p * p;
                aP = aP + aMp + aK1q * (m2 + 3.0 * lambda * p * p);
                aQ = aQ + aMq + aK1p - ha * aK1q;
            }
            adjPhi[b] = aP;
            adjPi[b] = aQ;
            dLambdas[b] += dLambda;
        }
    }

    /**
     * The tensor form for {@code --backend djl}: {@link #forward} once more, over (E × B) arrays, in the same order
     * of operations so that it agrees with the adjoint to rounding. No backward pass: the backend differentiates it.
     */
    @Override
    public <T> Phase<T> integrate(Tensors<T> ops, T hNodes, T lambda, Phase<T> start) {
        java.util.List<T> negH = ops.splitColumns(ops.neg(hNodes)); // −h at the 2N nodes, each (E × 1)
        double half = 0.5 * step;
        T p = start.phi();
        T q = start.pi();
        for (int i = 0; i < layers; i++) {
            T k1p = q;
            T k1q = rate(ops, negH.get(2 * i), p, q, lambda);
            T pm = ops.add(p, ops.mul(k1p, half));
            T qm = ops.add(q, ops.mul(k1q, half));
            T k2p = qm;
            T k2q = rate(ops, negH.get(2 * i + 1), pm, qm, lambda);
            p = ops.add(p, ops.mul(k2p, step));
            q = ops.add(q, ops.mul(k2q, step));
        }
        return new Phase<>(p, q);
    }

    /** −hπ + m²φ + λφ³, associated as in {@link #forward}: (((−h)π) + m²φ) + ((λφ)φ)φ. */
    private <T> T rate(Tensors<T> ops, T negH, T p, T q, T lambda) {
        return ops.add(ops.add(ops.mul(negH, q), ops.mul(p, m2)), ops.mul(ops.mul(ops.mul(lambda, p), p), p));
    }

    /** Registers the scheme as {@code model.scheme = "midpoint"}; it reads no fields of its own. */
    public static final class Provider implements LayerSchemeProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "explicit midpoint (RK2), h interpolated at the half steps (second order; plugin example)";
        }

        @Override
        public LayerMap create(ModelContext context, Settings settings) {
            return new MidpointLayerMap(context.grid(), context.theory().massSquared());
        }
    }
}
