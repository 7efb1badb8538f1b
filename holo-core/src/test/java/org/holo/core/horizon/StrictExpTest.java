package org.holo.core.horizon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The column exponential is StrictMath.exp to the bit, over every range of arguments fdlibm treats apart. */
class StrictExpTest {

    private static void assertSameBits(double[] args) {
        double[] got = args.clone();
        int n = args.length;
        StrictExp.inPlace(got, n, new double[n], new double[n]);
        for (int i = 0; i < n; i++) {
            double want = StrictMath.exp(args[i]);
            if (Double.isNaN(want)) {
                assertEquals(true, Double.isNaN(got[i]), "exp(" + args[i] + ")");
            } else {
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got[i]), "exp(" + args[i] + ")");
            }
        }
    }

    @Test
    void randomArgumentsOfEveryRange() {
        SplittableRandom rnd = new SplittableRandom(17);
        int n = 1 << 18;
        for (int round = 0; round < 8; round++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = switch (i % 7) {
                    case 0 -> -rnd.nextDouble(0, 800);                                  // the bump's arguments
                    case 1 -> -rnd.nextDouble(0, 1.1);                                  // k = 0, ±1 and the |x| < 1.5 ln2 branch
                    case 2 -> -rnd.nextDouble(700, 750);                                // subnormal results and the underflow edge
                    case 3 -> -Math.scalb(rnd.nextDouble(1, 2), rnd.nextInt(-60, 11));  // every scale, tiny included
                    case 4 -> Double.longBitsToDouble(rnd.nextLong());                  // any bit pattern: NaN, ±∞, positive
                    case 5 -> rnd.nextDouble(-5, 5);
                    default -> -0.5 * Math.log(2) * rnd.nextDouble(0.999, 1.001);       // around the k = 0 edge
                };
            }
            assertSameBits(x);
        }
    }

    @Test
    void edgesAndSpecialValues() {
        double under = -0x1.74910d52d3051p9;
        double halfLn2 = 0.5 * Math.log(2);
        double threeHalvesLn2 = 1.5 * Math.log(2);
        double[] x = {0.0, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, under,
            Math.nextUp(under), Math.nextDown(under), -0x1p-28, Math.nextUp(-0x1p-28), Math.nextDown(-0x1p-28),
            -halfLn2, Math.nextUp(-halfLn2), Math.nextDown(-halfLn2), -threeHalvesLn2, Math.nextUp(-threeHalvesLn2),
            Math.nextDown(-threeHalvesLn2), -709.782712893384, -708.3964185322641, -Double.MIN_VALUE, -Double.MIN_NORMAL,
            -1e-300, -Double.MAX_VALUE, 1.0, 709.0, 710.0, -1.0, -2.0, -20.0};
        assertSameBits(x);
        // the arguments at which fdlibm's high-word tests switch branch, and their neighbours
        java.util.List<Double> edges = new java.util.ArrayList<>();
        for (int hx : new int[] {0x3e300000, 0x3fd62e42, 0x3fd62e43, 0x3ff0a2b2, 0x3ff0a2b3, 0x40862e42, 0x40874910}) {
            double v = -Double.longBitsToDouble((long) hx << 32);
            edges.add(v);
            edges.add(Math.nextUp(v));
            edges.add(Math.nextDown(v));
            edges.add(-Double.longBitsToDouble(((long) hx << 32) | 0xffffffffL));
        }
        assertSameBits(edges.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Just above ½ ln2 in magnitude, where fdlibm's high-word test still takes k = 0 although the general reduction
     * would take k = −1: the two give different bits here, so the column must follow fdlibm's test.
     */
    @Test
    void theKZeroWindowAboveHalfLn2() {
        long from = Double.doubleToRawLongBits(0.5 * Math.log(2)) - 1000;
        long to = 0x3fd62e42ffffffffL + 1000;
        SplittableRandom rnd = new SplittableRandom(23);
        double[] x = new double[100_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = -Double.longBitsToDouble(rnd.nextLong(from, to + 1));
        }
        assertSameBits(x);
    }
}
