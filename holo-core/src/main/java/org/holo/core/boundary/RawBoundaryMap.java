package org.holo.core.boundary;

import java.util.List;

/** Boundary data given directly as (φ, π) at η_ini (physics.md §6.2). */
public final class RawBoundaryMap implements BoundaryMap {

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
    public void forward(double phi, double pi, double radius, double lambda, double[] out) {
        out[0] = phi;
        out[1] = pi;
    }

    @Override
    public void backward(double phi, double pi, double radius, double lambda, double adjPhi, double adjPi, double[] out) {
        out[0] = 0.0;
        out[1] = 0.0;
    }
}
