package org.holo.train.loop;

import org.holo.core.model.Batch;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.Objective;

/** The plain-Java exact adjoint of holo-core, single-threaded, one preallocated workspace. */
public final class CpuBackend implements Backend {

    private final Objective objective;
    private final HolographicNetwork.Workspace workspace;

    public CpuBackend(Objective objective, int maxBatch) {
        this.objective = objective;
        this.workspace = objective.newWorkspace(maxBatch);
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public double lossAndGradient(double[] params, Batch batch, double[] grad, Objective.Value parts) {
        return objective.evaluate(params, batch, grad, workspace, parts);
    }
}
