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
        new SlotSums(slotNodes).add(rows, m, got, new double[m]);
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
}
