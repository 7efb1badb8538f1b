package org.holo.core.horizon;

/**
 * e^x of a column of arguments, bit for bit {@link StrictMath#exp} (fdlibm's e_exp.c), in a form whose costly part
 * the JIT vectorises. fdlibm reduces x = k ln2 + r, approximates e^r and scales by 2^k; here a scalar pass finds
 * k and 2^k as fdlibm does, one vectorised pass evaluates fdlibm's expression for e^r and the scaling, and the
 * rare arguments outside x &lt; 0, |x| ≥ 2⁻²⁸ (zero, tiny, positive, NaN) go to StrictMath.exp itself.
 * Identical because every branch of fdlibm for x &lt; 0 is the same arithmetic as its general branch: its
 * |x| &lt; 1.5 ln2 branch takes k = −1 and ±ln2 exactly as the general one does; its k = 0 branch divides by c − 2
 * where the general one divides by 2 − c, an exact negation; and 2^k applied as 2^(k+1000) · 2^−1000 is exact
 * where the result is normal and rounds once, as fdlibm does, where it is not. {@code StrictExpTest} checks it on
 * millions of arguments.
 */
final class StrictExp {

    private static final double LN2_HI = 0x1.62e42feep-1;
    private static final double LN2_LO = 0x1.a39ef35793c76p-33;
    private static final double INV_LN2 = 0x1.71547652b82fep0;
    private static final double P1 = 0x1.555555555553ep-3;
    private static final double P2 = -0x1.6c16c16bebd93p-9;
    private static final double P3 = 0x1.1566aaf25de2cp-14;
    private static final double P4 = -0x1.bbd41c5d26bf1p-20;
    private static final double P5 = 0x1.6376972bea4d0p-25;
    /** fdlibm's underflow threshold: below it e^x is +0. */
    private static final double UNDERFLOW = -0x1.74910d52d3051p9;

    private StrictExp() {
    }

    /**
     * x[b] ← e^{x[b]} for b &lt; n; {@code k} and {@code scale} are scratch columns of at least n (k = NaN marks an
     * argument left to StrictMath.exp, whose value waits in scale).
     */
    static void inPlace(double[] x, int n, double[] k, double[] scale) {
        int direct = 0;
        for (int b = 0; b < n; b++) {
            double v = x[b];
            long bits = Double.doubleToRawLongBits(v);
            int hx = (int) (bits >>> 32) & 0x7fffffff;
            if (bits >= 0 || hx < 0x3e300000 || hx >= 0x7ff00000) { // x ≥ +0, |x| < 2⁻²⁸, −∞ or NaN
                k[b] = Double.NaN;
                scale[b] = v;
                x[b] = 0.0;
                direct++;
                continue;
            }
            int kb = hx > 0x3fd62e42 ? (int) (INV_LN2 * v - 0.5) : 0; // fdlibm's k for x < 0 (0 for |x| ≤ ½ ln2)
            // below the underflow threshold: x = 0, k = 0, scale = 0, so that the expression gives exactly +0
            long under = Double.doubleToRawLongBits(v - UNDERFLOW) >> 63;
            kb &= (int) ~under;
            x[b] = Double.longBitsToDouble(bits & ~under);
            k[b] = kb;
            scale[b] = Double.longBitsToDouble(((long) (kb + 1000 + 1023) << 52) & ~under); // 2^(k+1000)
        }
        for (int b = 0; b < n; b++) {
            double t = k[b];
            double hi = x[b] - t * LN2_HI;
            double lo = t * LN2_LO;
            double r = hi - lo;
            double rr = r * r;
            double c = r - rr * (P1 + rr * (P2 + rr * (P3 + rr * (P4 + rr * P5))));
            double y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
            x[b] = y * scale[b] * 0x1p-1000;
        }
        if (direct > 0) {
            for (int b = 0; b < n; b++) {
                if (Double.isNaN(k[b])) {
                    x[b] = StrictMath.exp(scale[b]);
                }
            }
        }
    }
}
