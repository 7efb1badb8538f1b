package org.holo.core.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A comma-separated table of finite numbers with one header row, read the way real files look: \n, \r\n or
 * \r line endings, a UTF-8 byte-order mark, a missing final newline, {@code #} comment lines, blank lines and
 * spaces around fields. Anything else wrong is an error that names the source and line.
 */
public final class NumericTable {

    private final String source;
    private final List<String> columns;
    private final double[][] data; // [column][row]
    private final int[] lines;     // source line of each row

    private NumericTable(String source, List<String> columns, double[][] data, int[] lines) {
        this.source = source;
        this.columns = columns;
        this.data = data;
        this.lines = lines;
    }

    /**
     * Reads a table whose header must name exactly the {@code expected} columns (in any order).
     *
     * @param source a name for messages, typically the file path
     */
    public static NumericTable read(Reader reader, String source, List<String> expected) throws IOException {
        String text = readAll(reader);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String[] rawLines = text.split("\r\n|\r|\n", -1);
        List<String> header = null;
        int[] order = null;
        List<double[]> rows = new ArrayList<>();
        List<Integer> rowLines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int ln = 0; ln < rawLines.length; ln++) {
            int lineNo = ln + 1;
            String line = rawLines[ln].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (header == null) {
                if (line.startsWith("{") || line.startsWith("[")) {
                    throw new DataFormatException(source, lineNo, "this looks like JSON, not a CSV table (expected a header row "
                            + String.join(",", expected) + ")");
                }
                header = new ArrayList<>();
                for (String f : fields) {
                    header.add(f.strip());
                }
                order = columnOrder(header, expected, source, lineNo);
                continue;
            }
            if (isRepeatedHeader(fields, header)) {
                throw new DataFormatException(source, lineNo, "the header row appears again (files pasted together?)");
            }
            if (fields.length != header.size()) {
                throw new DataFormatException(source, lineNo, "expected " + header.size() + " fields (" + String.join(",", header)
                        + "), found " + fields.length);
            }
            double[] row = new double[expected.size()];
            for (int c = 0; c < fields.length; c++) {
                String f = fields[c].strip();
                double v = parse(f, header.get(c), source, lineNo);
                row[order[c]] = v;
            }
            double[] normalised = row.clone();
            for (int c = 0; c < normalised.length; c++) {
                normalised[c] += 0.0; // -0.0 and 0.0 are the same value
            }
            String key = Arrays.toString(normalised);
            Integer first = seen.putIfAbsent(key, lineNo);
            if (first != null) {
                throw new DataFormatException(source, lineNo, "duplicated row: same values as line " + first);
            }
            rows.add(row);
            rowLines.add(lineNo);
        }
        if (header == null) {
            throw new DataFormatException(source, 0, (text.isBlank() ? "the file is empty" : "only comments, no header row")
                    + ": expected a header row with columns " + String.join(",", expected) + ", then one row per point");
        }
        double[][] data = new double[expected.size()][rows.size()];
        int[] lines = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < expected.size(); c++) {
                data[c][r] = rows.get(r)[c];
            }
            lines[r] = rowLines.get(r);
        }
        return new NumericTable(source, List.copyOf(expected), data, lines);
    }

    private static int[] columnOrder(List<String> header, List<String> expected, String source, int lineNo) {
        int[] order = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c);
            int idx = expected.indexOf(name);
            if (name.isEmpty()) {
                throw new DataFormatException(source, lineNo, "empty column name in the header (column " + (c + 1)
                        + "; a stray comma?) (expected columns: " + String.join(",", expected) + ")");
            }
            if (idx < 0 && (name.contains(";") || name.contains("\t"))) {
                throw new DataFormatException(source, lineNo, "fields must be separated by commas, found '"
                        + name.replace("\t", "\\t") + "' (expected columns: " + String.join(",", expected) + ")");
            }
            if (idx < 0 && name.length() >= 2 && (name.startsWith("\"") || name.startsWith("'"))) {
                throw new DataFormatException(source, lineNo, "quoted column name " + name
                        + ": write names and numbers without quotes (expected columns: " + String.join(",", expected) + ")");
            }
            if (idx < 0) {
                boolean numeric = true;
                try {
                    Double.parseDouble(name);
                } catch (NumberFormatException e) {
                    numeric = false;
                }
                throw new DataFormatException(source, lineNo, numeric
                        ? "missing header row: found the number '" + name + "' where a column name was expected (columns: "
                                + String.join(",", expected) + ")"
                        : "unknown column '" + name + "' (expected columns: " + String.join(",", expected) + ")");
            }
            if (header.indexOf(name) != c) {
                throw new DataFormatException(source, lineNo, "column '" + name + "' appears twice in the header");
            }
            order[c] = idx;
        }
        for (String e : expected) {
            if (!header.contains(e)) {
                throw new DataFormatException(source, lineNo, "missing column '" + e + "' (header has: " + String.join(",", header)
                        + "; expected: " + String.join(",", expected) + ")");
            }
        }
        return order;
    }

    private static boolean isRepeatedHeader(String[] fields, List<String> header) {
        if (fields.length != header.size()) {
            return false;
        }
        for (int c = 0; c < fields.length; c++) {
            if (!fields[c].strip().equals(header.get(c))) {
                return false;
            }
        }
        return true;
    }

    private static double parse(String f, String column, String source, int lineNo) {
        if (f.isEmpty()) {
            throw new DataFormatException(source, lineNo, "empty value in column '" + column + "'");
        }
        double v;
        try {
            v = Double.parseDouble(f);
        } catch (NumberFormatException e) {
            throw new DataFormatException(source, lineNo, "column '" + column + "': '" + f + "' is not a number");
        }
        // Double.parseDouble accepts "NaN", "Infinity" and a trailing d/f: only plain finite decimals are data
        if (!Double.isFinite(v) || !f.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new DataFormatException(source, lineNo, "column '" + column + "': '" + f + "' is not a finite decimal number");
        }
        return v;
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = reader.read(buf)) >= 0) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    public String source() {
        return source;
    }

    public List<String> columns() {
        return columns;
    }

    public int rows() {
        return lines.length;
    }

    /** A copy of one column, by name. */
    public double[] column(String name) {
        int idx = columns.indexOf(name);
        if (idx < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in " + columns);
        }
        return data[idx].clone();
    }

    /** The source line of row r, for messages. */
    public int line(int r) {
        return lines[r];
    }
}
