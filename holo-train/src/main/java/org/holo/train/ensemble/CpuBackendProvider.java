package org.holo.train.ensemble;

import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.loop.Backend;
import org.holo.train.loop.CpuBackend;

/** The plain-Java exact adjoint: each member trains alone on its own thread, exactly as its single run. */
public final class CpuBackendProvider implements EnsembleBackendProvider {

    @Override
    public String name() {
        return CpuBackend.NAME;
    }

    @Override
    public String description() {
        return "plain-Java exact adjoint in float64; members train independently, spread over the cores";
    }

    @Override
    public Backend open(ExperimentConfig config, HolographicNetwork network, Objective objective, String device) {
        if (device != null && !"cpu".equalsIgnoreCase(device.strip())) {
            throw new IllegalArgumentException("device " + device + ": the cpu backend runs on the CPU only;"
                    + " use the djl backend for a GPU");
        }
        return new CpuBackend(objective, config.training.batchSize);
    }

    @Override
    public boolean lockstep() {
        return false;
    }
}
