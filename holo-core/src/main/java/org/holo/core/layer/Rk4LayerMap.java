package org.holo.core.layer;

import org.holo.core.component.ModelContext;
import org.holo.core.component.Settings;
import org.holo.core.RadialGrid;
import org.holo.core.tensor.LayerTensorForm;
import org.holo.core.tensor.Phase;
import org.holo.core.tensor.Tensors;

/**
 * Classical fourth-order Runge–Kutta for the same ODE. Each layer reads h at its start η_i, its midpoint
 * η_i + Δη/2 and its end η_{i+1}: nodes 2i, 2i+1, 2i+2 of the 2N+1 nodes. The backward pass recomputes
 * the stages from the stored layer states rather than storing them.
 */
public final class Rk4LayerMap implements LayerMap, LayerTensorForm {

    public static final String NAME = "rk4";

    private final RadialGrid grid;
    private final int layers;
    private final double step;
    private final double m2;

    public Rk4LayerMap(RadialGrid grid, double massSquared) {
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
        double[] eta = new double[2 * layers + 1];
        for (int i = 0; i < layers; i++) {
            eta[2 * i] = grid.eta(i);
            eta[2 * i + 1] = grid.eta(i) + 0.5 * step;
        }
        eta[2 * layers] = grid.eta(layers);
        return eta;
    }

    /** Four slots per layer, in reverse-pass order from the last layer: its k4 (end node), k3, k2 (midpoint), k1 (start). */
    @Override
    public int[] dhSlots() {
        int[] slots = new int[4 * layers];
        for (int i = layers - 1, s = 0; i >= 0; i--) {
            slots[s++] = 2 * i + 2;
            slots[s++] = 2 * i + 1;
            slots[s++] = 2 * i + 1;
            slots[s++] = 2 * i;
        }
        return slots;
    }

    @Override
    public void forward(double[] h, double lambda, double[][] phi, double[][] pi, int n) {
        double step = this.step; // fields read inside the loops keep C2 from vectorising them
        double m2 = this.m2;
        double half = 0.5 * step;
        for (int i = 0; i < layers; i++) {
            double ha = h[2 * i];
            double hm = h[2 * i + 1];
            double hb = h[2 * i + 2];
            double[] p0 = phi[i];
            double[] q0 = pi[i];
            double[] p1 = phi[i + 1];
            double[] q1 = pi[i + 1];
            for (int b = 0; b < n; b++) {
                double p = p0[b];
                double q = q0[b];
                double k1p = q;
                double k1q = -ha * q + m2 * p + lambda * p * p * p;
                double p2 = p + half * k1p;
                double q2 = q + half * k1q;
                double k2p = q2;
                double k2q = -hm * q2 + m2 * p2 + lambda * p2 * p2 * p2;
                double p3 = p + half * k2p;
                double q3 = q + half * k2q;
                double k3p = q3;
                double k3q = -hm * q3 + m2 * p3 + lambda * p3 * p3 * p3;
                double p4 = p + step * k3p;
                double q4 = q + step * k3q;
                double k4p = q4;
                double k4q = -hb * q4 + m2 * p4 + lambda * p4 * p4 * p4;
                p1[b] = p + step / 6.0 * (k1p + 2.0 * k2p + 2.0 * k3p + k4p);
                q1[b] = q + step / 6.0 * (k1q + 2.0 * k2q + 2.0 * k3q + k4q);
            }
        }
    }

    @Override
    public void backward(double[] h, double lambda, double[][] phi, double[][] pi, int n,
                         double[] adjPhi, double[] adjPi, double[][] dh, double[] dLambda) {
        double step = this.step; // fields read inside the loops keep C2 from vectorising them
        double m2 = this.m2;
        double half = 0.5 * step;
        double w1 = step / 6.0;
        double w2 = step / 3.0;
        for (int i = layers - 1, slot = 0; i >= 0; i--, slot += 4) {
            double ha = h[2 * i];
            double hm = h[2 * i + 1];
            double hb = h[2 * i + 2];
            double[] p0 = phi[i];
            double[] q0 = pi[i];
            double[] dh4 = dh[slot];
            double[] dh3 = dh[slot + 1];
            double[] dh2 = dh[slot + 2];
            double[] dh1 = dh[slot + 3];
            for (int b = 0; b < n; b++) {
                // recompute the stages of layer i
                double p = p0[b];
                double q = q0[b];
                double k1p = q;
                double k1q = -ha * q + m2 * p + lambda * p * p * p;
                double p2 = p + half * k1p;
                double q2 = q + half * k1q;
                double k2p = q2;
                double k2q = -hm * q2 + m2 * p2 + lambda * p2 * p2 * p2;
                double p3 = p + half * k2p;
                double q3 = q + half * k2q;
                double k3p = q3;
                double k3q = -hm * q3 + m2 * p3 + lambda * p3 * p3 * p3;
                double p4 = p + step * k3p;
                double q4 = q + step * k3q;

                // y' = y + Δ/6 (k1 + 2k2 + 2k3 + k4)
                double aP = adjPhi[b];
                double aQ = adjPi[b];
                double aK4p = w1 * aP;
                double aK4q = w1 * aQ;
                double aK3p = w2 * aP;
                double aK3q = w2 * aQ;
                double aK2p = w2 * aP;
                double aK2q = w2 * aQ;
                double aK1p = w1 * aP;
                double aK1q = w1 * aQ;
                double aYp = aP;
                double aYq = aQ;
                double dl = dLambda[b];

                // k4 = f(y4, hb), y4 = y + Δ k3
                double aY4p = aK4q * (m2 + 3.0 * lambda * p4 * p4);
                double aY4q = aK4p - hb * aK4q;
                dh4[b] -= aK4q * q4;
                dl += aK4q * p4 * p4 * p4;
                aYp += aY4p;
                aYq += aY4q;
                aK3p += step * aY4p;
                aK3q += step * aY4q;

                // k3 = f(y3, hm), y3 = y + Δ/2 k2
                double aY3p = aK3q * (m2 + 3.0 * lambda * p3 * p3);
                double aY3q = aK3p - hm * aK3q;
                dh3[b] -= aK3q * q3;
                dl += aK3q * p3 * p3 * p3;
                aYp += aY3p;
                aYq += aY3q;
                aK2p += half * aY3p;
                aK2q += half * aY3q;

                // k2 = f(y2, hm), y2 = y + Δ/2 k1
                double aY2p = aK2q * (m2 + 3.0 * lambda * p2 * p2);
                double aY2q = aK2p - hm * aK2q;
                dh2[b] -= aK2q * q2;
                dl += aK2q * p2 * p2 * p2;
                aYp += aY2p;
                aYq += aY2q;
                aK1p += half * aY2p;
                aK1q += half * aY2q;

                // k1 = f(y, ha)
                aYp += aK1q * (m2 + 3.0 * lambda * p * p);
                aYq += aK1p - ha * aK1q;
                dh1[b] -= aK1q * q;
                dl += aK1q * p * p * p;

                dLambda[b] = dl;
                adjPhi[b] = aYp;
                adjPi[b] = aYq;
            }
        }
    }

    /** The tensor form of {@link #forward}, stage for stage (−h taken once per node: (−h)π is exactly −(hπ)). */
    @Override
    public <T> Phase<T> integrate(Tensors<T> ops, T hNodes, T lambda, Phase<T> start) {
        java.util.List<T> negH = ops.splitColumns(ops.neg(hNodes));
        T p = start.phi();
        T q = start.pi();
        double half = 0.5 * step;
        double sixth = step / 6.0;
        for (int i = 0; i < layers; i++) {
            T nha = negH.get(2 * i);
            T nhm = negH.get(2 * i + 1);
            T nhb = negH.get(2 * i + 2);
            T k1p = q;
            T k1q = rate(ops, nha, p, q, lambda);
            T p2 = ops.add(p, ops.mul(k1p, half));
            T q2 = ops.add(q, ops.mul(k1q, half));
            T k2p = q2;
            T k2q = rate(ops, nhm, p2, q2, lambda);
            T p3 = ops.add(p, ops.mul(k2p, half));
            T q3 = ops.add(q, ops.mul(k2q, half));
            T k3p = q3;
            T k3q = rate(ops, nhm, p3, q3, lambda);
            T p4 = ops.add(p, ops.mul(k3p, step));
            T q4 = ops.add(q, ops.mul(k3q, step));
            T k4p = q4;
            T k4q = rate(ops, nhb, p4, q4, lambda);
            T np = ops.add(p, ops.mul(ops.add(ops.add(ops.add(k1p, ops.mul(k2p, 2.0)), ops.mul(k3p, 2.0)), k4p), sixth));
            T nq = ops.add(q, ops.mul(ops.add(ops.add(ops.add(k1q, ops.mul(k2q, 2.0)), ops.mul(k3q, 2.0)), k4q), sixth));
            p = np;
            q = nq;
        }
        return new Phase<>(p, q);
    }

    /** The π-rate −hπ + m²φ + λφ³ as {@link #forward} associates it: (((−h)π) + m²φ) + ((λφ)φ)φ. */
    private <T> T rate(Tensors<T> ops, T negH, T p, T q, T lambda) {
        return ops.add(ops.add(ops.mul(negH, q), ops.mul(p, m2)), ops.mul(ops.mul(ops.mul(lambda, p), p), p));
    }

    /** Registers the classical Runge-Kutta scheme. */
    public static final class Provider implements LayerSchemeProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "classical Runge-Kutta per layer, h interpolated at the half steps (fourth order)";
        }

        @Override
        public LayerMap create(ModelContext context, Settings settings) {
            return new Rk4LayerMap(context.grid(), context.theory().massSquared());
        }
    }
}
