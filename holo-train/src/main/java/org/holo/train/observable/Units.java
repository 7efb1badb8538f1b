package org.holo.train.observable;

/** Conversions between the units observables report. */
public final class Units {

    /** ħc in GeV·fm: a length in GeV⁻¹ times this is in fm. */
    public static final double HBAR_C_GEV_FM = 0.1973269804;
    /** MeV per GeV: 1/L in MeV is this over L in GeV⁻¹. */
    public static final double MEV_PER_GEV = 1000.0;

    private Units() {
    }
}
