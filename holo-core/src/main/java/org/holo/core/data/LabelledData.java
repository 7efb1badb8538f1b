package org.holo.core.data;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        double[] y = table.columnArray(LABEL);
        for (int r = 0; r < y.length; r++) {
            if (y[r] != 0.0 && y[r] != 1.0) {
                throw new DataFormatException(table.source(), table.line(r),
                        "label must be 0 (positive) or 1 (negative), found " + y[r]);
            }
        }
        // the table's own arrays: a copy would double the data
        return new LabelledData(inputColumns, table.columnArray(inputColumns.get(0)), table.columnArray(inputColumns.get(1)), y);
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
        try {
            writeCsv(sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return sb.toString();
    }

    /** The text of {@link #toCsv()}, written piecewise: for data too large to hold as one string. */
    public void writeCsv(Appendable out) throws IOException {
        writeCsv(out::append);
    }

    /** The text of {@link #toCsv()} as UTF-8 bytes, written piecewise through one reused buffer. */
    public void writeCsv(OutputStream out) throws IOException {
        byte[] bytes = new byte[CHUNK + 64];
        writeCsv(text -> {
            int n = text.length();
            for (int k = 0; k < n; k++) {
                char c = text.charAt(k);
                if (c >= 0x80) {
                    // only column names can be other than ASCII
                    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                    return;
                }
                bytes[k] = (byte) c;
            }
            out.write(bytes, 0, n);
        });
    }

    /**
     * The data as NumPy .npy (format 1.0, little-endian float64, C order, shape (size, 3)), the columns in the
     * order input0, input1, label: the binary form {@code data.source csv} reads from a file named *.npy.
     */
    public void writeNpy(OutputStream out) throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + size() + ", 3), }";
        int unpadded = 10 + dict.length() + 1;
        int headerLength = dict.length() + 1 + (64 - unpadded % 64) % 64;
        byte[] pre = new byte[10 + headerLength];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) headerLength, (byte) (headerLength >>> 8)};
        System.arraycopy(magic, 0, pre, 0, magic.length);
        byte[] d = dict.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(d, 0, pre, 10, d.length);
        java.util.Arrays.fill(pre, 10 + d.length, pre.length - 1, (byte) ' ');
        pre[pre.length - 1] = '\n';
        out.write(pre);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(24 * 4096).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < size(); i++) {
            b.putDouble(x0[i]).putDouble(x1[i]).putDouble(y[i]);
            if (!b.hasRemaining()) {
                out.write(b.array(), 0, b.position());
                b.clear();
            }
        }
        out.write(b.array(), 0, b.position());
    }

    private static final int CHUNK = 60 * 1024;

    /** Receives the CSV text a piece at a time; the piece is reused after the call. */
    private interface Pieces {
        void accept(StringBuilder piece) throws IOException;
    }

    private void writeCsv(Pieces out) throws IOException {
        StringBuilder sb = new StringBuilder(CHUNK + 64);
        sb.append(inputColumns.get(0)).append(',').append(inputColumns.get(1)).append(',').append(LABEL).append('\n');
        for (int i = 0; i < size(); i++) {
            sb.append(x0[i]).append(',').append(x1[i]).append(',').append((int) y[i]).append('\n');
            if (sb.length() >= CHUNK) {
                out.accept(sb);
                sb.setLength(0);
            }
        }
        out.accept(sb);
    }
}
