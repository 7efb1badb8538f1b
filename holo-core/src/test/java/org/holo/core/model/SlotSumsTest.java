package org.holo.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The grouped slot sums give, node by node and to the bit, the sums of the plain loop over samples (each sample's
 * slots in order), for nodes with one, two and three slots, and groups with missing lanes.
 */
class SlotSumsTest {

    @Test
    void groupedSumsAreTheSampleBySampleSumsToTheBit() {
        // 19 nodes: most with one slot, some with two (as RK4's), one with three, in an irregular order
        int[] slotNodes = {4, 3, 3, 2, 18, 1, 0, 0, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 16, 9, 9};
        SplittableRandom rnd = new SplittableRandom(3);
        int m = 37;
        double[][] rows = new double[slotNodes.length][m + 5];
        for (double[] r : rows) {
            for (int k = 0; k < r.length; k++) {
                // wide range of magnitudes, so that a different order of the additions would round differently
                r[k] = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(-8, 9));
            }
        }
        double[] start = new double[19];
        for (int i = 0; i < 19; i++) {
            start[i] = rnd.nextDouble(); // sums continue from what is there
        }
        double[] expected = start.clone();
        double[] got = start.clone();
        for (int k = 0; k < m; k++) {
            for (int s = 0; s < slotNodes.length; s++) {
                expected[slotNodes[s]] += rows[s][k];
            }
        }
        int[] columns = new int[m];
        for (int k = 0; k < m; k++) {
            columns[k] = k;
        }
        new SlotSums(slotNodes).add(rows, columns, m, got, new double[m + 5]);
        for (int i = 0; i < 19; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(got[i]), "node " + i);
        }
        // the order matters at these magnitudes: summing a node's samples in reverse differs somewhere
        double[] reversed = start.clone();
        for (int k = m - 1; k >= 0; k--) {
            for (int s = 0; s < slotNodes.length; s++) {
                reversed[slotNodes[s]] += rows[s][k];
            }
        }
        boolean differs = false;
        for (int i = 0; i < 19; i++) {
            differs |= Double.doubleToRawLongBits(reversed[i]) != Double.doubleToRawLongBits(expected[i]);
        }
        assertEquals(true, differs, "the test would not see a change of order");
    }

    @Test
    void onlyTheNamedColumnsAreAddedInTheirOrder() {
        int[] slotNodes = {2, 1, 1, 0, 3, 3, 3, 4};
        SplittableRandom rnd = new SplittableRandom(5);
        int width = 30;
        double[][] rows = new double[slotNodes.length][width];
        for (double[] r : rows) {
            for (int k = 0; k < width; k++) {
                r[k] = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(-8, 9));
            }
        }
        // the columns left out hold what a flat sample's adjoint may: NaN and infinities
        int[] columns = {1, 2, 5, 6, 7, 11, 12, 13, 20, 21, 28};
        java.util.Set<Integer> named = new java.util.HashSet<>();
        for (int c : columns) {
            named.add(c);
        }
        for (int k = 0; k < width; k++) {
            if (!named.contains(k)) {
                rows[k % rows.length][k] = k % 2 == 0 ? Double.NaN : Double.NEGATIVE_INFINITY;
            }
        }
        double[] expected = new double[5];
        for (int c : columns) {
            for (int s = 0; s < slotNodes.length; s++) {
                expected[slotNodes[s]] += rows[s][c];
            }
        }
        double[] got = new double[5];
        new SlotSums(slotNodes).add(rows, columns, columns.length, got, new double[width]);
        for (int i = 0; i < 5; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(got[i]), "node " + i);
        }
    }
}
