package org.holo.train.report;

/**
 * One exported column: its name (the CSV header), what it is, its unit (ASCII, "1" for dimensionless) and the
 * values. Non-finite values are kept as they are (written as NaN, Infinity or -Infinity; null in JSON).
 */
public record Column(String name, String quantity, String unit, double[] values) {

    public Column {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("column name must be an identifier, got '" + name + "'");
        }
    }
}
