package org.holo.train.ensemble;

import java.util.Map;
import org.holo.core.model.Batch;
import org.holo.core.model.Objective;

/**
 * The only hot call of ensemble training: for E members, each with its own parameter vector and its own
 * mini-batch (members have different seeds, hence different data and shuffles), the loss and its gradient.
 * The optimiser and the loop stay on the host in double precision and are shared by every backend; only this
 * call differs between them.
 */
public interface EnsembleBackend extends AutoCloseable {

    /** {@code cpu} or {@code djl}. */
    String name();

    /** Where the tensors live: {@code cpu}, {@code gpu:0}, ... */
    String device();

    /** Always {@code float64}: every backend computes in double precision. */
    String dtype();

    /** Library versions that matter for the numbers (e.g. djl, pytorch), recorded in provenance; empty for cpu. */
    Map<String, String> versions();

    /** One line for the log at start: backend, device, dtype and versions. */
    default String describe() {
        StringBuilder sb = new StringBuilder(name()).append(" backend: device ").append(device()).append(", dtype ")
                .append(dtype());
        versions().forEach((k, v) -> sb.append(", ").append(k).append(' ').append(v));
        return sb.toString();
    }

    /**
     * Evaluates members 0 … count−1: for member s, the objective at {@code params[s]} on {@code batches[s]}.
     * Overwrites {@code grads[s]} with ∂E/∂params (entries of fixed parameters included) and fills
     * {@code parts[s]} with the total, data and regularisation parts; {@code losses[s]} receives the total.
     */
    void evaluate(int count, double[][] params, Batch[] batches, double[][] grads, double[] losses, Objective.Value[] parts);

    /** Releases threads or native memory. */
    @Override
    void close();
}
