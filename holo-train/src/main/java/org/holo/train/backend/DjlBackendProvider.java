package org.holo.train.backend;

import java.util.Locale;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;
import org.holo.train.config.ExperimentConfig;
import org.holo.train.ensemble.EnsembleBackendProvider;
import org.holo.train.loop.Backend;

/**
 * The DJL/PyTorch backend: all members in one float64 tensor program, stepping together. Opening it makes sure
 * {@code ai.djl.offline=true} is set before the first DJL class loads, so that DJL never looks for its
 * download servers.
 */
public final class DjlBackendProvider implements EnsembleBackendProvider {

    public static final String NAME = "djl";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "DJL/PyTorch autograd in float64, all members in one tensor program (CPU or GPU)";
    }

    @Override
    public Backend open(ExperimentConfig config, HolographicNetwork network, Objective objective, String device) {
        offline(device);
        return DjlBackend.open(config, network, objective, device);
    }

    @Override
    public boolean lockstep() {
        return true;
    }

    /**
     * DJL offline, always: set before any DJL class is loaded (the CLI's main sets it too). DJL's INFO chatter
     * (native library extraction, thread counts) is lowered to warnings, and its warning that CUDA cannot be
     * queried (normal on a machine without a GPU driver) is shown only when a GPU was asked for, where it is the
     * clue to what is missing; a user's own slf4j-simple settings win. PyTorch gets one intra-op thread unless
     * {@code -Dai.djl.pytorch.num_threads=N} says otherwise.
     *
     * @param device the requested device, or null
     */
    public static void offline(String device) {
        System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("org.slf4j.simpleLogger.log.ai.djl") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "warn");
        }
        // one PyTorch intra-op thread unless told otherwise: on a few shared cores, OpenMP barriers between two
        // threads cost far more than they save at the tensor sizes of this model (measured: 2-3x slower steps)
        if (System.getProperty("ai.djl.pytorch.num_threads") == null && System.getenv("PYTORCH_NUM_THREADS") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
        boolean gpuAsked = device != null && device.strip().toLowerCase(Locale.ROOT).startsWith("gpu");
        if (!gpuAsked && System.getProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda", "error");
        }
    }
}
