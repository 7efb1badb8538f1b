package org.holo.core.layer;

import org.holo.core.component.ModelContext;
import org.holo.core.component.Settings;
import org.holo.core.RadialGrid;
import org.holo.core.tensor.LayerTensorForm;
import org.holo.core.tensor.Phase;
import org.holo.core.tensor.Tensors;

/**
 * The papers' scheme (physics.md §2): explicit Euler, both updates from the old state, h_i read at η_i.
 * <pre>
 *   φ_{i+1} = φ_i + Δη π_i
 *   π_{i+1} = π_i − Δη (h_i π_i − m² φ_i − λ φ_i³)
 * </pre>
 */
public final class EulerLayerMap implements LayerMap, LayerTensorForm {

    public static final String NAME = "euler";

    private final RadialGrid grid;
    private final int layers;
    private final double step;
    private final double m2;

    public EulerLayerMap(RadialGrid grid, double massSquared) {
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
        return grid.layerEtas();
    }

    @Override
    public void forward(double[] h, double lambda, double[][] phi, double[][] pi, int n) {
        double step = this.step; // fields read inside the loops keep C2 from vectorising them
        double m2 = this.m2;
        for (int i = 0; i < layers; i++) {
            double hi = h[i];
            double[] p0 = phi[i];
            double[] q0 = pi[i];
            double[] p1 = phi[i + 1];
            double[] q1 = pi[i + 1];
            for (int b = 0; b < n; b++) {
                double p = p0[b];
                double q = q0[b];
                p1[b] = p + step * q;
                q1[b] = q - step * (hi * q - m2 * p - lambda * p * p * p);
            }
        }
    }

    @Override
    public void backward(double[] h, double lambda, double[][] phi, double[][] pi, int n,
                         double[] adjPhi, double[] adjPi, double[][] dh, double[] dLambda) {
        double step = this.step; // fields read inside the loops keep C2 from vectorising them
        double m2 = this.m2;
        for (int i = layers - 1; i >= 0; i--) {
            double keep = 1.0 - step * h[i];
            double[] p0 = phi[i];
            double[] q0 = pi[i];
            double[] dhi = dh[i];
            for (int b = 0; b < n; b++) {
                double p = p0[b];
                double q = q0[b];
                double aP = adjPhi[b];
                double aQ = adjPi[b];
                double sq = step * aQ;
                dhi[b] -= sq * q;
                dLambda[b] += sq * p * p * p;
                adjPhi[b] = aP + sq * (m2 + 3.0 * lambda * p * p);
                adjPi[b] = step * aP + aQ * keep;
            }
        }
    }

    /** The tensor form of {@link #forward}, term for term. */
    @Override
    public <T> Phase<T> integrate(Tensors<T> ops, T hNodes, T lambda, Phase<T> start) {
        java.util.List<T> h = ops.splitColumns(hNodes);
        T p = start.phi();
        T q = start.pi();
        for (int i = 0; i < layers; i++) {
            T np = ops.add(p, ops.mul(q, step));
            T inner = ops.sub(ops.sub(ops.mul(h.get(i), q), ops.mul(p, m2)), ops.mul(ops.mul(ops.mul(lambda, p), p), p));
            T nq = ops.sub(q, ops.mul(inner, step));
            p = np;
            q = nq;
        }
        return new Phase<>(p, q);
    }

    /** Registers the explicit Euler scheme. */
    public static final class Provider implements LayerSchemeProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "explicit Euler, h_i read at eta_i: the papers' scheme (first order)";
        }

        @Override
        public LayerMap create(ModelContext context, Settings settings) {
            return new EulerLayerMap(context.grid(), context.theory().massSquared());
        }
    }
}
