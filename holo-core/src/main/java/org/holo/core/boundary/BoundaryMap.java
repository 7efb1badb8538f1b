package org.holo.core.boundary;

import java.util.List;
import org.holo.core.model.ParameterSpec;

/**
 * The input layer: boundary data (two numbers per sample) to the bulk initial values (φ, π) at η_ini.
 * It may depend on the trainable AdS radius L and the coupling λ.
 */
public interface BoundaryMap {

    /** The map's name as used in configs. */
    String name();

    /** The names (with units) of the two input columns of a data file, e.g. {@code m_q_GeV, condensate_GeV3}. */
    List<String> inputColumns();

    /** Whether the map reads the AdS radius L, which then is a network parameter. */
    boolean usesRadius();

    /** The blocks this map adds to the parameter vector: the AdS radius L when it uses one. */
    List<ParameterSpec> parameters();

    /** Writes (φ(η_ini), π(η_ini)) into out[0], out[1]. */
    void forward(double x0, double x1, double radius, double lambda, double[] out);

    /**
     * Given (∂E/∂φ_0, ∂E/∂π_0), writes ∂E/∂L into out[0] and ∂E/∂λ (through this layer) into out[1].
     */
    void backward(double x0, double x1, double radius, double lambda, double adjPhi, double adjPi, double[] out);
}
