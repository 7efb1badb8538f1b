package org.holo.core.posterior;

import java.util.ArrayList;
import java.util.List;
import org.holo.core.boundary.QcdBoundaryMap;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.ParameterLayout;

/**
 * The coordinates a posterior is sampled in: the trainable entries of the parameter vector, in layout order,
 * except that the AdS radius L (GeV⁻¹, positive) is sampled as u = log L. Fixed entries keep their values
 * from a base vector (the run's).
 */
public final class Coordinates {

    private final HolographicNetwork network;
    private final double[] base;
    private final int[] index;
    private final String[] names;
    private final int radiusCoordinate;
    private final int lambdaCoordinate;

    public Coordinates(HolographicNetwork network, double[] baseParams) {
        this.network = network;
        this.base = baseParams.clone();
        ParameterLayout layout = network.layout();
        boolean[] trainable = layout.trainableMask();
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < trainable.length; i++) {
            if (trainable[i]) {
                idx.add(i);
            }
        }
        index = idx.stream().mapToInt(Integer::intValue).toArray();
        names = new String[index.length];
        int radius = layout.offsetOf(QcdBoundaryMap.RADIUS);
        int lambda = layout.offsetOf(HolographicNetwork.LAMBDA);
        int rc = -1;
        int lc = -1;
        for (int k = 0; k < index.length; k++) {
            names[k] = layout.nameOf(index[k]);
            if (index[k] == radius) {
                rc = k;
                names[k] = "log_" + names[k];
            }
            if (index[k] == lambda) {
                lc = k;
            }
        }
        radiusCoordinate = rc;
        lambdaCoordinate = lc;
    }

    public HolographicNetwork network() {
        return network;
    }

    public int dimension() {
        return index.length;
    }

    /** The coordinate's name: a parameter's name ({@code h_3}, {@code lambda}) or {@code log_L}. */
    public String name(int k) {
        return names[k];
    }

    /** The parameter-vector index of coordinate k. */
    public int parameterIndex(int k) {
        return index[k];
    }

    /** The coordinate of log L, or −1 when L is not sampled. */
    public int radiusCoordinate() {
        return radiusCoordinate;
    }

    /** The coordinate of λ, or −1 when λ is fixed. */
    public int lambdaCoordinate() {
        return lambdaCoordinate;
    }

    /** Whether coordinate k belongs to the metric block. */
    public boolean isMetric(int k) {
        int i = index[k];
        return i >= network.metricOffset() && i < network.metricOffset() + network.metric().size();
    }

    public double[] base() {
        return base.clone();
    }

    /** The full parameter vector of coordinates x. */
    public double[] params(double[] x) {
        double[] p = base.clone();
        for (int k = 0; k < index.length; k++) {
            p[index[k]] = k == radiusCoordinate ? StrictMath.exp(x[k]) : x[k];
        }
        return p;
    }

    /** The coordinates of a parameter vector. */
    public double[] coordinates(double[] params) {
        double[] x = new double[index.length];
        for (int k = 0; k < index.length; k++) {
            x[k] = k == radiusCoordinate ? StrictMath.log(params[index[k]]) : params[index[k]];
        }
        return x;
    }

    /** ∂/∂x from ∂/∂params at the parameters of x (chain rule through L = e^u). */
    public void pullBack(double[] params, double[] gradParams, double[] gradX) {
        for (int k = 0; k < index.length; k++) {
            gradX[k] = gradParams[index[k]] * (k == radiusCoordinate ? params[index[k]] : 1.0);
        }
    }
}
