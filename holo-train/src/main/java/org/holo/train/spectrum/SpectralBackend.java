package org.holo.train.spectrum;

import org.holo.core.model.Batch;
import org.holo.core.model.Objective;
import org.holo.train.loop.Backend;

/** The training loop's backend for meson spectra: the plain-Java {@link SpectralObjective}, member after member. */
final class SpectralBackend implements Backend {

    private final SpectralObjective objective;

    SpectralBackend(SpectralObjective objective) {
        this.objective = objective;
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String describe() {
        return "cpu backend: meson spectra, tridiagonal eigensolver, dtype float64";
    }

    @Override
    public void lossAndGradient(int count, double[][] params, Batch[] batches, boolean[] withRegularisers, double[][] grads,
                                Objective.Value[] parts) {
        for (int s = 0; s < count; s++) {
            objective.evaluate(params[s], batches[s], grads[s], parts[s], withRegularisers[s]);
        }
    }
}
