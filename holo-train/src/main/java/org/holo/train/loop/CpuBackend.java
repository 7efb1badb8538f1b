package org.holo.train.loop;

import org.holo.core.model.Batch;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;

/**
 * The plain-Java exact adjoint of holo-core on the calling thread, one preallocated workspace: members are
 * evaluated one after the other, so a member's numbers never depend on the others.
 */
public final class CpuBackend implements Backend {

    public static final String NAME = "cpu";

    private final Objective objective;
    private final HolographicNetwork.Workspace workspace;

    public CpuBackend(Objective objective, int maxBatch) {
        this.objective = objective;
        this.workspace = objective.newWorkspace(maxBatch);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return "cpu backend: plain-Java adjoint, dtype float64";
    }

    @Override
    public void lossAndGradient(int count, double[][] params, Batch[] batches, boolean[] withRegularisers,
                                double[][] grads, Objective.Value[] parts) {
        for (int s = 0; s < count; s++) {
            objective.evaluate(params[s], batches[s], grads[s], workspace, parts[s], withRegularisers[s]);
        }
    }
}
