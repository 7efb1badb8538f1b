package org.holo.core.horizon;

/** 1809.10536 (QCD): F = π(η_fin). */
public final class PiHorizonCondition implements HorizonCondition {

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
}
