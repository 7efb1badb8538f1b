package org.holo.train.run;

import org.holo.core.data.LabelledData;
import org.holo.core.model.Batch;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;

/**
 * How strongly the training data constrain the learned metric at each layer, at the final parameters of a run:
 * G_i = (1/n) Σ_b (∂t_b/∂h_i)² over the whole training data (the Gauss–Newton/Fisher diagonal of the data term,
 * {@link Objective#layerSensitivity}), and from it the resolution of h, the change of h at layer i alone that moves
 * the network outputs by {@link #OUTPUT_SHIFT} rms: δh_i = 0.1/√G_i (+∞ where G_i = 0: the data do not see h_i).
 *
 * <p>Fixed procedure, so the profile is bit-reproducible: the data in their stored order, cut into consecutive
 * batches of {@link #BATCH} samples (the last one shorter), each batch's mean weighted by its share of the data,
 * the batches summed in order.
 */
public final class SensitivityProfile {

    /** Batches of this many samples (only the summation order depends on it). */
    public static final int BATCH = 1000;
    /** The rms change of the outputs t the resolution refers to: a tenth of the gap between the labels 0 and 1. */
    public static final double OUTPUT_SHIFT = 0.1;

    private SensitivityProfile() {
    }

    /** G_i per layer, boundary first, over all of {@code data}. */
    public static double[] of(Objective objective, double[] params, LabelledData data) {
        int layers = objective.network().grid().layers();
        double[] g = new double[layers];
        int n = data.size();
        if (n == 0) {
            throw new IllegalArgumentException("no training data: the sensitivity profile is an average over the data");
        }
        Batch batch = new Batch(Math.min(BATCH, n));
        HolographicNetwork.Workspace ws = objective.newWorkspace(batch.capacity());
        for (int from = 0; from < n; from += BATCH) {
            int size = Math.min(BATCH, n - from);
            for (int k = 0; k < size; k++) {
                batch.x0[k] = data.x0(from + k);
                batch.x1[k] = data.x1(from + k);
                batch.y[k] = data.label(from + k);
            }
            batch.setSize(size);
            double[] part = objective.layerSensitivity(params, batch, ws);
            double weight = (double) size / n;
            for (int i = 0; i < layers; i++) {
                g[i] += weight * part[i];
            }
        }
        return g;
    }

    /** δh_i = {@link #OUTPUT_SHIFT}/√G_i: +∞ where G_i = 0, NaN where G_i is NaN (a diverged run). */
    public static double[] resolution(double[] sensitivity) {
        double[] r = new double[sensitivity.length];
        for (int i = 0; i < r.length; i++) {
            double g = sensitivity[i];
            if (g < 0) {
                throw new IllegalArgumentException("sensitivity[" + i + "] = " + g + " is negative: a sum of squares cannot be");
            }
            r[i] = g == 0.0 ? Double.POSITIVE_INFINITY : OUTPUT_SHIFT / Math.sqrt(g);
        }
        return r;
    }
}
