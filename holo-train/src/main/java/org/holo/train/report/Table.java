package org.holo.train.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A numeric table to export: a file stem ({@code metric} → metric.csv), a description and equally long
 * columns. A 1-row table holds scalars (scalars.csv: one header row, one value row).
 */
public record Table(String name, String description, List<Column> columns) {

    public Table {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " has no columns");
        }
        int rows = columns.get(0).values().length;
        List<String> seen = new ArrayList<>();
        for (Column c : columns) {
            if (c.values().length != rows) {
                throw new IllegalArgumentException("table " + name + ": column " + c.name() + " has " + c.values().length
                        + " rows, expected " + rows);
            }
            if (seen.contains(c.name())) {
                throw new IllegalArgumentException("table " + name + ": duplicate column " + c.name());
            }
            seen.add(c.name());
        }
    }

    public int rows() {
        return columns.get(0).values().length;
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (Column c : columns) {
            names.add(c.name());
        }
        return names;
    }

    public boolean has(String column) {
        return columnNames().contains(column);
    }

    /** The values of a column, or throws for an unknown name. */
    public double[] column(String column) {
        for (Column c : columns) {
            if (c.name().equals(column)) {
                return c.values();
            }
        }
        throw new IllegalArgumentException("table " + name + " has no column " + column + " (columns: " + columnNames() + ")");
    }

    public Column describe(String column) {
        for (Column c : columns) {
            if (c.name().equals(column)) {
                return c;
            }
        }
        throw new IllegalArgumentException("table " + name + " has no column " + column);
    }

    /** Value at row r, column c (column index in {@link #columns()}). */
    public double get(int r, int c) {
        return columns.get(c).values()[r];
    }
}
