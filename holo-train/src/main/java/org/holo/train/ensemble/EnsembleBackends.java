package org.holo.train.ensemble;

import java.util.List;
import java.util.Locale;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;
import org.holo.train.config.ExperimentConfig;

/**
 * Opens ensemble backends by name ({@code cpu}, {@code djl}) and device. This class does not touch DJL: it makes
 * sure {@code ai.djl.offline=true} is set before the first DJL class loads, so that DJL never looks for its
 * download servers, and only then opens the DJL backend.
 */
public final class EnsembleBackends {

    public static final String CPU = "cpu";
    public static final String DJL = "djl";
    public static final List<String> NAMES = List.of(CPU, DJL);

    private EnsembleBackends() {
    }

    /**
     * Opens backend {@code name} for the model of {@code config} and {@code network} (the objective is built as
     * {@link org.holo.train.Experiment#build} builds it).
     *
     * @param device for djl: cpu, gpu, gpu:N, or null for a GPU when DJL sees one, else the CPU; must be null or
     *               cpu for the cpu backend
     */
    public static EnsembleBackend open(String name, String device, ExperimentConfig config, HolographicNetwork network,
                                       Objective objective) {
        String n = name == null ? CPU : name.strip().toLowerCase(Locale.ROOT);
        switch (n) {
            case CPU:
                if (device != null && !"cpu".equalsIgnoreCase(device.strip())) {
                    throw new IllegalArgumentException("--device " + device + ": the cpu backend runs on the CPU only;"
                            + " use --backend djl for --device gpu");
                }
                return new CpuEnsembleBackend(objective, config.training.batchSize);
            case DJL:
                offline(device);
                return org.holo.train.backend.DjlBackend.open(config, network, device);
            default:
                throw new IllegalArgumentException("--backend " + name + ": unknown backend (expected one of "
                        + String.join(", ", NAMES) + ")");
        }
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
