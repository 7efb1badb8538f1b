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
    public double value(double phi, double pi, double lambda) {
        return pi;
    }

    @Override
    public void gradient(double phi, double pi, double lambda, double[] out) {
        out[0] = 0.0;
        out[1] = 1.0;
        out[2] = 0.0;
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
