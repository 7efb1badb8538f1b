package org.holo.core;

/**
 * The radial discretisation: N layers from the boundary cutoff η_ini down to the horizon cutoff η_fin.
 * Layer i (i = 0 … N−1) starts at η_i = η_ini + i·Δη with Δη = (η_fin − η_ini)/N &lt; 0.
 */
public record RadialGrid(double etaIni, double etaFin, int layers) {

    public RadialGrid {
        if (!Double.isFinite(etaIni) || !Double.isFinite(etaFin)) {
            throw new IllegalArgumentException("eta_ini and eta_fin must be finite, got " + etaIni + " and " + etaFin);
        }
        if (!(etaFin < etaIni)) {
            throw new IllegalArgumentException("eta_fin (" + etaFin + ") must be smaller than eta_ini (" + etaIni
                    + "): the network integrates from the boundary towards the horizon");
        }
        if (layers < 1) {
            throw new IllegalArgumentException("the grid needs at least one layer, got " + layers);
        }
    }

    /** Δη, negative. */
    public double step() {
        return (etaFin - etaIni) / layers;
    }

    /** η_i for i = 0 … N; η_N is returned as η_fin exactly. */
    public double eta(int i) {
        if (i < 0 || i > layers) {
            throw new IndexOutOfBoundsException("layer index " + i + " outside 0.." + layers);
        }
        return i == layers ? etaFin : etaIni + i * step();
    }

    /** The N layer positions η_0 … η_{N−1}, where the per-layer weights h_i live. */
    public double[] layerEtas() {
        double[] eta = new double[layers];
        for (int i = 0; i < layers; i++) {
            eta[i] = eta(i);
        }
        return eta;
    }
}
