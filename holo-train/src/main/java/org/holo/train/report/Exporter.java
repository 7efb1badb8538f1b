package org.holo.train.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.holo.train.config.ConfigLoader;
import org.holo.train.io.AtomicFiles;
import org.holo.train.io.JsonNumbers;

/**
 * Writes the tables of a {@link RunReport} in one of four formats (docs/exports-and-plots.md):
 * <ul>
 *   <li>{@code csv}: NAME.csv with one header row, plus the sidecar NAME.csv.json (each column's meaning and
 *       unit, the source run);</li>
 *   <li>{@code dat}: NAME.dat, whitespace-separated, a first line {@code # col1 col2 …} naming the columns and
 *       a second {@code #} line with the units (NumPy loadtxt/genfromtxt, gnuplot), plus NAME.dat.json;</li>
 *   <li>{@code npy}: NAME.npy, NumPy format 1.0, little-endian float64 ({@code <f8}), C order, shape
 *       (rows, columns), plus NAME.npy.json listing the columns in order;</li>
 *   <li>{@code json}: one file report.json with every table's columns as arrays and the scalars with units.</li>
 * </ul>
 * Numbers are written so that they read back to the same double; non-finite values are NaN, Infinity or
 * -Infinity in text tables, null in JSON (the metric table's h_conditional_resolution is +Infinity / null where the data do not
 * constrain h; the sidecars and report.json say so).
 */
public final class Exporter {

    public static final String JSON_FILE = "report.json";

    /** An export format. */
    public enum Format {
        CSV, JSON, NPY, DAT;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Format parse(String s) {
            for (Format f : values()) {
                if (f.extension().equalsIgnoreCase(s.strip())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown export format '" + s + "' (expected csv, json, npy or dat)");
        }
    }

    private Exporter() {
    }

    /** Writes every table of the report into {@code outDir} (created if needed); returns the files written. */
    public static List<Path> write(RunReport report, Path outDir, Format format) throws IOException {
        return write(report.tables(), report.source(), report.notes(), outDir, format);
    }

    public static List<Path> write(List<Table> tables, ObjectNode source, List<String> notes, Path outDir, Format format)
            throws IOException {
        List<Path> written = new ArrayList<>();
        if (format == Format.JSON) {
            Path file = outDir.resolve(JSON_FILE);
            AtomicFiles.write(file, toJson(json(tables, source, notes)));
            written.add(file);
            return written;
        }
        for (Table t : tables) {
            Path file = outDir.resolve(t.name() + "." + format.extension());
            switch (format) {
                case CSV:
                    AtomicFiles.write(file, csv(t));
                    break;
                case DAT:
                    AtomicFiles.write(file, dat(t, source));
                    break;
                default:
                    AtomicFiles.write(file, npy(t));
            }
            Path sidecar = outDir.resolve(file.getFileName() + ".json");
            AtomicFiles.write(sidecar, toJson(sidecar(t, file.getFileName().toString(), format, source)));
            written.add(file);
            written.add(sidecar);
        }
        return written;
    }

    /** A number as text that parses back to the same double: integers without a fraction, NaN/Infinity as in Java. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0.0 && 1.0 / v < 0)) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** CSV: one header row of column names, then one row per table row, comma-separated, '\n' line ends. */
    public static String csv(Table t) {
        StringBuilder sb = new StringBuilder(64 + t.rows() * t.columns().size() * 22);
        sb.append(String.join(",", t.columnNames())).append('\n');
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.columns().size(); c++) {
                if (c > 0) {
                    sb.append(',');
                }
                sb.append(number(t.get(r, c)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Whitespace-separated text: {@code # names}, {@code # units: …}, {@code # source: …}, then aligned rows. */
    public static String dat(Table t, ObjectNode source) {
        int cols = t.columns().size();
        String[][] cells = new String[t.rows()][cols];
        int[] width = new int[cols];
        for (int c = 0; c < cols; c++) {
            width[c] = t.columns().get(c).name().length() + (c == 0 ? 2 : 0);
        }
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < cols; c++) {
                cells[r][c] = number(t.get(r, c));
                width[c] = Math.max(width[c], cells[r][c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(String.join(" ", t.columnNames())).append('\n');
        sb.append("# units:");
        for (Column c : t.columns()) {
            sb.append(' ').append(c.name()).append(" [").append(c.unit()).append(']');
        }
        sb.append('\n');
        sb.append("# ").append(t.description());
        if (source != null && source.has("run_dir")) {
            sb.append("; source: ").append(source.get("run_dir").asText());
        }
        sb.append('\n');
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < cols; c++) {
                String s = cells[r][c];
                sb.append(s);
                if (c < cols - 1) {
                    sb.append(" ".repeat(width[c] - s.length() + 2));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * NumPy .npy format version 1.0: magic, version, little-endian uint16 header length, an ASCII dict header
     * padded with spaces and ending in '\n' so that the data start at a multiple of 64 bytes, then rows × columns
     * little-endian float64 in C (row-major) order.
     */
    public static byte[] npy(Table t) {
        int rows = t.rows();
        int cols = t.columns().size();
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        int preamble = 6 + 2 + 2;
        int total = preamble + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        StringBuilder header = new StringBuilder(dict);
        header.append(" ".repeat(padded - total)).append('\n');
        byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
        if (h.length > 0xFFFF) {
            throw new IllegalStateException("npy header too long");
        }
        ByteBuffer b = ByteBuffer.allocate(preamble + h.length + rows * cols * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) h.length);
        b.put(h);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                b.putDouble(t.get(r, c));
            }
        }
        return b.array();
    }

    static ObjectNode sidecar(Table t, String file, Format format, ObjectNode source) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("file", file);
        o.put("format", format.extension());
        o.put("description", t.description());
        o.put("rows", t.rows());
        ObjectNode cols = o.putObject("columns");
        for (Column c : t.columns()) {
            cols.putObject(c.name()).put("quantity", c.quantity()).put("unit", c.unit());
        }
        ArrayNode order = o.putArray("column_order");
        t.columnNames().forEach(order::add);
        switch (format) {
            case CSV:
                o.put("layout", "one header row with the column names, then one comma-separated row per table row");
                break;
            case DAT:
                o.put("layout", "'#' lines (column names, units, description), then whitespace-separated rows");
                break;
            default:
                o.put("layout", "NumPy .npy v1.0, dtype <f8 (little-endian float64), C order, shape [rows, columns]"
                        + " with the columns in column_order");
                o.put("dtype", "<f8");
                o.putArray("shape").add(t.rows()).add(t.columns().size());
        }
        o.put("missing_values", format == Format.NPY ? "IEEE NaN or +-inf for non-finite values"
                : "NaN, Infinity or -Infinity for non-finite values");
        if (t.has(RunReport.H_CONDITIONAL_RESOLUTION)) {
            o.put("h_conditional_resolution_infinite", "h_conditional_resolution is +infinity where sensitivity = 0: the data do not constrain h"
                    + " at that layer");
        }
        o.set("source", source);
        return o;
    }

    static ObjectNode json(List<Table> tables, ObjectNode source, List<String> notes) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("source", source);
        ObjectNode tableNodes = JsonNodeFactory.instance.objectNode();
        for (Table t : tables) {
            if (RunReport.SCALARS.equals(t.name())) {
                ObjectNode s = o.putObject("scalars");
                for (Column c : t.columns()) {
                    ObjectNode e = s.putObject(c.name());
                    JsonNumbers.put(e, "value", c.values()[0]);
                    e.put("unit", c.unit());
                    e.put("quantity", c.quantity());
                }
                continue;
            }
            ObjectNode tn = tableNodes.putObject(t.name());
            tn.put("description", t.description());
            tn.put("rows", t.rows());
            ObjectNode units = tn.putObject("units");
            ObjectNode quantities = tn.putObject("quantities");
            ObjectNode cols = tn.putObject("columns");
            if (t.has(RunReport.H_CONDITIONAL_RESOLUTION)) {
                tn.put("null_values", "null stands for a non-finite value; in h_conditional_resolution, for +infinity where"
                        + " sensitivity = 0 (h at that layer unconstrained by the data)");
            }
            for (Column c : t.columns()) {
                units.put(c.name(), c.unit());
                quantities.put(c.name(), c.quantity());
                JsonNumbers.addAll(cols.putArray(c.name()), c.values());
            }
        }
        o.set("tables", tableNodes);
        ArrayNode n = o.putArray("notes");
        notes.forEach(n::add);
        return o;
    }


    static String toJson(ObjectNode o) {
        try {
            return ConfigLoader.mapper().writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise export", e);
        }
    }
}
