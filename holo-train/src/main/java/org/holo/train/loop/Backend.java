package org.holo.train.loop;

import java.util.Map;
import org.holo.core.model.Batch;
import org.holo.core.model.Objective;

/**
 * The only hot call of training: for members 0 … count−1 of a set trained together, each with its own parameter
 * vector and its own mini-batch, the loss and its gradient. A single run is the set of one. The optimiser and
 * the loop stay on the host in double precision and are the same for every backend; only this call differs.
 */
public interface Backend extends AutoCloseable {

    /** {@code cpu}, {@code djl}, …: recorded in result.json. */
    String name();

    /** Where the numbers are computed: {@code cpu}, {@code gpu:0}, … */
    default String device() {
        return "cpu";
    }

    /** Always {@code float64}: every backend computes in double precision. */
    default String dtype() {
        return "float64";
    }

    /** Library versions that matter for the numbers (e.g. djl, pytorch), recorded in provenance; empty for cpu. */
    default Map<String, String> versions() {
        return Map.of();
    }

    /** One line for the log at start: backend, device, dtype and versions. */
    default String describe() {
        StringBuilder sb = new StringBuilder(name()).append(" backend: device ").append(device()).append(", dtype ")
                .append(dtype());
        versions().forEach((k, v) -> sb.append(", ").append(k).append(' ').append(v));
        return sb.toString();
    }

    /**
     * For member s &lt; count: the objective at {@code params[s]} on {@code batches[s]}, with its regularisers when
     * {@code withRegularisers[s]}. Overwrites {@code grads[s]} with ∂E/∂params (entries of fixed parameters
     * included) and fills {@code parts[s]} with the total, data and regularisation parts.
     */
    void lossAndGradient(int count, double[][] params, Batch[] batches, boolean[] withRegularisers, double[][] grads,
                         Objective.Value[] parts);

    /** Releases native memory; nothing for the plain-Java backend. */
    @Override
    default void close() {
    }
}
