package org.holo.core.horizon;

import org.holo.core.component.ModelContext;
import org.holo.core.component.Settings;
import org.holo.core.tensor.HorizonTensorForm;
import org.holo.core.tensor.Phase;
import org.holo.core.tensor.Tensors;

/** 1809.10536 (QCD): F = π(η_fin). */
public final class PiHorizonCondition implements HorizonCondition, HorizonTensorForm {

    public static final String NAME = "pi";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void values(double[] phi, double[] pi, int n, double lambda, double[] f) {
        System.arraycopy(pi, 0, f, 0, n);
    }

    @Override
    public void gradients(double[] phi, double[] pi, int n, double lambda, double[] dPhi, double[] dPi, double[] dLambda) {
        java.util.Arrays.fill(dPhi, 0, n, 0.0);
        java.util.Arrays.fill(dPi, 0, n, 1.0);
        java.util.Arrays.fill(dLambda, 0, n, 0.0);
    }

    @Override
    public <T> T horizonValue(Tensors<T> ops, Phase<T> end, T lambda) {
        return end.pi();
    }

    /** Registers F = pi. */
    public static final class Provider implements HorizonConditionProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "F = pi(eta_fin): the field stops at the horizon cutoff (1809.10536, QCD)";
        }

        @Override
        public HorizonCondition create(ModelContext context, Settings settings) {
            return new PiHorizonCondition();
        }
    }
}
