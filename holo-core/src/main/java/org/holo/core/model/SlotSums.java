package org.holo.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds the per-sample ∂E/∂h slots of a layer map ({@link org.holo.core.layer.LayerMap#dhSlots}) into h's nodes in the
 * order a loop over samples would: for each node, sample after sample, and within a sample its slots in order. The
 * sums of different nodes are independent, so eight nodes are summed side by side in registers (eight dependency
 * chains instead of one), nodes with the same number of slots together; missing lanes add a row of zeros into a sum
 * that is dropped.
 */
final class SlotSums {

    private static final int LANES = 8;

    /** A group: up to eight nodes (−1 for a missing lane), each with {@code width} slot rows in order. */
    private record Group(int[] nodes, int[][] slots, int width) {
    }

    private final List<Group> groups = new ArrayList<>();

    SlotSums(int[] slotNodes) {
        // each node's slots in order, nodes grouped by how many slots they have
        Map<Integer, List<Integer>> byNode = new LinkedHashMap<>();
        for (int s = 0; s < slotNodes.length; s++) {
            byNode.computeIfAbsent(slotNodes[s], k -> new ArrayList<>()).add(s);
        }
        Map<Integer, List<Integer>> byWidth = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<Integer>> e : byNode.entrySet()) {
            byWidth.computeIfAbsent(e.getValue().size(), k -> new ArrayList<>()).add(e.getKey());
        }
        for (Map.Entry<Integer, List<Integer>> e : byWidth.entrySet()) {
            int width = e.getKey();
            List<Integer> nodes = e.getValue();
            for (int from = 0; from < nodes.size(); from += LANES) {
                int[] lane = new int[LANES];
                int[][] slots = new int[LANES][width];
                for (int j = 0; j < LANES; j++) {
                    boolean real = from + j < nodes.size();
                    lane[j] = real ? nodes.get(from + j) : -1;
                    for (int c = 0; c < width; c++) {
                        slots[j][c] = real ? byNode.get(lane[j]).get(c) : -1;
                    }
                }
                groups.add(new Group(lane, slots, width));
            }
        }
    }

    /**
     * dh[node] += the node's slot values of the samples (columns) {@code columns[0 … m−1]}, in that order;
     * {@code zeros} is a row of zeros as long as the rows.
     */
    void add(double[][] rows, int[] columns, int m, double[] dh, double[] zeros) {
        for (Group g : groups) {
            if (g.width() == 1) {
                addOne(g, rows, columns, m, dh, zeros);
            } else if (g.width() == 2) {
                addTwo(g, rows, columns, m, dh, zeros);
            } else {
                addAny(g, rows, columns, m, dh);
            }
        }
    }

    private static double[] row(double[][] rows, int slot, double[] zeros) {
        return slot < 0 ? zeros : rows[slot];
    }

    private static double start(double[] dh, int node) {
        return node < 0 ? 0.0 : dh[node];
    }

    private static void store(double[] dh, int node, double sum) {
        if (node >= 0) {
            dh[node] = sum;
        }
    }

    private static void addOne(Group g, double[][] rows, int[] columns, int m, double[] dh, double[] zeros) {
        int[] n = g.nodes();
        int[][] s = g.slots();
        double[] r0 = row(rows, s[0][0], zeros);
        double[] r1 = row(rows, s[1][0], zeros);
        double[] r2 = row(rows, s[2][0], zeros);
        double[] r3 = row(rows, s[3][0], zeros);
        double[] r4 = row(rows, s[4][0], zeros);
        double[] r5 = row(rows, s[5][0], zeros);
        double[] r6 = row(rows, s[6][0], zeros);
        double[] r7 = row(rows, s[7][0], zeros);
        double a0 = start(dh, n[0]);
        double a1 = start(dh, n[1]);
        double a2 = start(dh, n[2]);
        double a3 = start(dh, n[3]);
        double a4 = start(dh, n[4]);
        double a5 = start(dh, n[5]);
        double a6 = start(dh, n[6]);
        double a7 = start(dh, n[7]);
        for (int c = 0; c < m; c++) {
            int k = columns[c];
            a0 += r0[k];
            a1 += r1[k];
            a2 += r2[k];
            a3 += r3[k];
            a4 += r4[k];
            a5 += r5[k];
            a6 += r6[k];
            a7 += r7[k];
        }
        store(dh, n[0], a0);
        store(dh, n[1], a1);
        store(dh, n[2], a2);
        store(dh, n[3], a3);
        store(dh, n[4], a4);
        store(dh, n[5], a5);
        store(dh, n[6], a6);
        store(dh, n[7], a7);
    }

    private static void addTwo(Group g, double[][] rows, int[] columns, int m, double[] dh, double[] zeros) {
        int[] n = g.nodes();
        int[][] s = g.slots();
        double[] r0 = row(rows, s[0][0], zeros);
        double[] q0 = row(rows, s[0][1], zeros);
        double[] r1 = row(rows, s[1][0], zeros);
        double[] q1 = row(rows, s[1][1], zeros);
        double[] r2 = row(rows, s[2][0], zeros);
        double[] q2 = row(rows, s[2][1], zeros);
        double[] r3 = row(rows, s[3][0], zeros);
        double[] q3 = row(rows, s[3][1], zeros);
        double[] r4 = row(rows, s[4][0], zeros);
        double[] q4 = row(rows, s[4][1], zeros);
        double[] r5 = row(rows, s[5][0], zeros);
        double[] q5 = row(rows, s[5][1], zeros);
        double[] r6 = row(rows, s[6][0], zeros);
        double[] q6 = row(rows, s[6][1], zeros);
        double[] r7 = row(rows, s[7][0], zeros);
        double[] q7 = row(rows, s[7][1], zeros);
        double a0 = start(dh, n[0]);
        double a1 = start(dh, n[1]);
        double a2 = start(dh, n[2]);
        double a3 = start(dh, n[3]);
        double a4 = start(dh, n[4]);
        double a5 = start(dh, n[5]);
        double a6 = start(dh, n[6]);
        double a7 = start(dh, n[7]);
        for (int c = 0; c < m; c++) {
            int k = columns[c];
            a0 += r0[k];
            a0 += q0[k];
            a1 += r1[k];
            a1 += q1[k];
            a2 += r2[k];
            a2 += q2[k];
            a3 += r3[k];
            a3 += q3[k];
            a4 += r4[k];
            a4 += q4[k];
            a5 += r5[k];
            a5 += q5[k];
            a6 += r6[k];
            a6 += q6[k];
            a7 += r7[k];
            a7 += q7[k];
        }
        store(dh, n[0], a0);
        store(dh, n[1], a1);
        store(dh, n[2], a2);
        store(dh, n[3], a3);
        store(dh, n[4], a4);
        store(dh, n[5], a5);
        store(dh, n[6], a6);
        store(dh, n[7], a7);
    }

    /** Nodes with three or more slots: one node at a time. */
    private static void addAny(Group g, double[][] rows, int[] columns, int m, double[] dh) {
        for (int j = 0; j < LANES; j++) {
            int node = g.nodes()[j];
            if (node < 0) {
                continue;
            }
            int[] slots = g.slots()[j];
            double a = dh[node];
            for (int c = 0; c < m; c++) {
                int k = columns[c];
                for (int slot : slots) {
                    a += rows[slot][k];
                }
            }
            dh[node] = a;
        }
    }
}
