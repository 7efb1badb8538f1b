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
    public void forward(double[] h, double lambda, double[] phi, double[] pi, int off) {
        double p = phi[off];
        double q = pi[off];
        for (int i = 0; i < layers; i++) {
            double np = p + step * q;
            double nq = q - step * (h[i] * q - m2 * p - lambda * p * p * p);
            p = np;
            q = nq;
            phi[off + i + 1] = p;
            pi[off + i + 1] = q;
        }
    }

    @Override
    public double backward(double[] h, double lambda, double[] phi, double[] pi, int off,
                           double[] adjoint, double[] dh) {
        double aP = adjoint[0];
        double aQ = adjoint[1];
        double dLambda = 0.0;
        for (int i = layers - 1; i >= 0; i--) {
            double p = phi[off + i];
            double q = pi[off + i];
            double sq = step * aQ;
            dh[i] -= sq * q;
            dLambda += sq * p * p * p;
            double nP = aP + sq * (m2 + 3.0 * lambda * p * p);
            double nQ = step * aP + aQ * (1.0 - step * h[i]);
            aP = nP;
            aQ = nQ;
        }
        adjoint[0] = aP;
        adjoint[1] = aQ;
        return dLambda;
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
