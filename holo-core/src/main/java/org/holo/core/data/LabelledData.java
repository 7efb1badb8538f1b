package org.holo.core.data;

import java.util.List;

/**
 * Labelled boundary data: two input columns in the boundary map's units and labels (0 = positive, the data
 * satisfy the horizon condition; 1 = negative).
 */
public final class LabelledData {

    public static final String LABEL = "label";

    private final List<String> inputColumns;
    private final double[] x0;
    private final double[] x1;
    private final double[] y;

    public LabelledData(List<String> inputColumns, double[] x0, double[] x1, double[] y) {
        if (inputColumns.size() != 2) {
            throw new IllegalArgumentException("boundary data have two input columns, got " + inputColumns);
        }
        if (x0.length != x1.length || x0.length != y.length) {
            throw new IllegalArgumentException("columns differ in length");
        }
        this.inputColumns = List.copyOf(inputColumns);
        this.x0 = x0;
        this.x1 = x1;
        this.y = y;
    }

    /** Reads data from a table with columns (input0, input1, label), checking labels are 0 or 1. */
    public static LabelledData fromTable(NumericTable table, List<String> inputColumns) {
        double[] y = table.column(LABEL);
        for (int r = 0; r < y.length; r++) {
            if (y[r] != 0.0 && y[r] != 1.0) {
                throw new DataFormatException(table.source(), table.line(r),
                        "label must be 0 (positive) or 1 (negative), found " + y[r]);
            }
        }
        return new LabelledData(inputColumns, table.column(inputColumns.get(0)), table.column(inputColumns.get(1)), y);
    }

    public List<String> inputColumns() {
        return inputColumns;
    }

    public int size() {
        return y.length;
    }

    public double x0(int i) {
        return x0[i];
    }

    public double x1(int i) {
        return x1[i];
    }

    public double label(int i) {
        return y[i];
    }

    public int positives() {
        int n = 0;
        for (double v : y) {
            if (v == 0.0) {
                n++;
            }
        }
        return n;
    }

    /** CSV text: header {@code input0,input1,label} and one row per sample, numbers in shortest round-trip form. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(size() * 48);
        sb.append(inputColumns.get(0)).append(',').append(inputColumns.get(1)).append(',').append(LABEL).append('\n');
        for (int i = 0; i < size(); i++) {
            sb.append(x0[i]).append(',').append(x1[i]).append(',').append((int) y[i]).append('\n');
        }
        return sb.toString();
    }
}
