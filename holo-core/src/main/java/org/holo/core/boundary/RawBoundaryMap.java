package org.holo.core.boundary;

import org.holo.core.component.ModelContext;
import org.holo.core.component.Settings;
import java.util.List;
import org.holo.core.tensor.BoundaryTensorForm;
import org.holo.core.tensor.Phase;
import org.holo.core.tensor.Tensors;

/** Boundary data given directly as (φ, π) at η_ini (physics.md §6.2). */
public final class RawBoundaryMap implements BoundaryMap, BoundaryTensorForm {

    public static final String NAME = "raw";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> inputColumns() {
        return List.of("phi", "pi");
    }

    @Override
    public boolean usesRadius() {
        return false;
    }

    @Override
    public List<org.holo.core.model.ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public void forward(double[] params, int offset, double lambda, double[] x0, double[] x1, int n, double[] phi, double[] pi) {
        System.arraycopy(x0, 0, phi, 0, n);
        System.arraycopy(x1, 0, pi, 0, n);
    }

    @Override
    public void backward(double[] params, int offset, double lambda, double[] x0, double[] x1, int n,
                         double[] adjPhi, double[] adjPi, double[][] dParams, double[] dLambda) {
        // nothing depends on λ or on parameters here
    }

    @Override
    public <T> Phase<T> initialPhase(Tensors<T> ops, T phi, T pi, T block, T lambda) {
        return new Phase<>(phi, pi);
    }

    /** Registers the raw boundary map. */
    public static final class Provider implements BoundaryMapProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "boundary data given directly as (phi, pi) at eta_ini";
        }

        @Override
        public BoundaryMap create(ModelContext context, Settings settings) {
            return new RawBoundaryMap();
        }
    }
}
