package org.holo.core;

/**
 * The bulk scalar: boundary dimension d (bulk AdS_{d+1}) and mass squared m² in units of 1/L².
 * The quartic coupling λ of V = λφ⁴/4 is a (possibly trainable) network parameter, not part of this record.
 */
public record ScalarTheory(int dimension, double massSquared) {

    public ScalarTheory {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension d must be at least 1, got " + dimension);
        }
        if (!Double.isFinite(massSquared)) {
            throw new IllegalArgumentException("mass squared must be finite, got " + massSquared);
        }
    }
}
