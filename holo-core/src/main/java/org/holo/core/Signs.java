package org.holo.core;

/** Sign functions in a form the JIT vectorises, bit for bit the java.lang.Math ones. */
public final class Signs {

    private Signs() {
    }

    /**
     * {@link Math#signum(double)} to the bit (±1, ±0 kept, NaN kept) without its branches: d·2¹¹⁰⁰ (two exact
     * power-of-two products, ±∞ past the range) is at least 1 in magnitude for every non-zero d, subnormals included,
     * and the clamp brings it to ±1. So signum(x)·r is copySign(r, x) for any magnitude r ≥ 0 that is 0 where x is ±0.
     */
    public static double signum(double d) {
        return Math.max(-1.0, Math.min(1.0, d * 0x1p1000 * 0x1p100));
    }
}
