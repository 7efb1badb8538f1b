package org.holo.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table of finite numbers from a NumPy {@code .npy} file (format 1.0, 2.0 or 3.0) of little-endian float64
 * ({@code <f8}) in C order with shape (rows, columns), the columns in the order given, as {@code holo export
 * --format npy} writes them. Read straight into primitive columns; rows count from 1 in messages (the number
 * after the file name is the row, as it is the line for CSV). Anything else is an error naming the file.
 */
public final class NpyTable {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int MAX_HEADER = 1 << 16;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyTable() {
    }

    /** The number of rows {@code file} declares, its header checked as {@link #read} checks it. */
    public static int rows(Path file, List<String> columns) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return (int) header(ch, file.toString(), columns)[0];
        }
    }

    /** Reads {@code file}, whose columns are {@code columns} in this order. */
    public static NumericTable read(Path file, List<String> columns) throws IOException {
        String source = file.toString();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long[] h = header(ch, source, columns);
            int n = (int) h[0];
            int width = columns.size();
            long dataStart = h[1];
            double[][] data = new double[width][n];
            readRows(ch, source, columns, data, n, dataStart);
            NumericTable table = NumericTable.wrap(source, columns, data, n);
            table.requireNoDuplicateRow();
            return table;
        }
    }

    /** Checks the preamble and header: returns {rows, offset of the data}. */
    private static long[] header(FileChannel ch, String source, List<String> columns) throws IOException {
        long size = ch.size();
        ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, pre, source);
        pre.flip();
        if (pre.remaining() < 10 || !startsWithMagic(pre)) {
            throw new DataFormatException(source, 0, "not a NumPy .npy file (no \\x93NUMPY magic string)");
        }
        int major = pre.get(6) & 0xff;
        long headerLength;
        int preamble;
        if (major == 1) {
            headerLength = pre.getShort(8) & 0xffff;
            preamble = 10;
        } else if (major == 2 || major == 3) {
            if (pre.remaining() < 12) {
                throw new DataFormatException(source, 0, "truncated .npy header");
            }
            headerLength = pre.getInt(8) & 0xffffffffL;
            preamble = 12;
        } else {
            throw new DataFormatException(source, 0, ".npy format version " + major + " is not supported (1, 2 or 3)");
        }
        if (headerLength > MAX_HEADER || preamble + headerLength > size) {
            throw new DataFormatException(source, 0, ".npy header of " + headerLength + " bytes does not fit the file");
        }
        ByteBuffer h = ByteBuffer.allocate((int) headerLength);
        ch.position(preamble);
        readFully(ch, h, source);
        String header = new String(h.array(), 0, h.position(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, "descr", source);
        if (!descr.equals("<f8")) {
            throw new DataFormatException(source, 0, "dtype '" + descr + "': data must be little-endian float64 ('<f8')");
        }
        if (group(FORTRAN, header, "fortran_order", source).equals("True")) {
            throw new DataFormatException(source, 0, "fortran_order True: data must be in C (row-major) order");
        }
        long[] shape = shape(group(SHAPE, header, "shape", source), source);
        if (shape.length != 2 || shape[1] != columns.size()) {
            throw new DataFormatException(source, 0, "shape (" + group(SHAPE, header, "shape", source) + "): expected (rows, "
                    + columns.size() + ") with columns " + String.join(",", columns));
        }
        long rows = shape[0];
        int width = columns.size();
        if (rows > Integer.MAX_VALUE - 8) {
            throw new DataFormatException(source, 0, rows + " rows: more than a table can hold");
        }
        long dataStart = preamble + headerLength;
        if (size - dataStart != rows * width * 8) {
            throw new DataFormatException(source, 0, "the header says " + rows + " rows of " + width + " float64 ("
                    + rows * width * 8 + " bytes) but " + (size - dataStart) + " bytes follow it (truncated or padded file?)");
        }
        return new long[] {rows, dataStart};
    }

    private static void readRows(FileChannel ch, String source, List<String> columns, double[][] data, int n, long dataStart)
            throws IOException {
        int width = columns.size();
        ByteBuffer buf = ByteBuffer.allocate(width * 8 * 8192).order(ByteOrder.LITTLE_ENDIAN);
        ch.position(dataStart);
        int r = 0;
        while (r < n) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), (long) (n - r) * width * 8));
            readFully(ch, buf, source);
            buf.flip();
            while (buf.remaining() >= width * 8) {
                for (int c = 0; c < width; c++) {
                    double v = buf.getDouble();
                    if (!Double.isFinite(v)) {
                        throw new DataFormatException(source, r + 1, "column '" + columns.get(c) + "': " + v
                                + " is not a finite number");
                    }
                    data[c][r] = v;
                }
                r++;
            }
        }
    }

    private static boolean startsWithMagic(ByteBuffer b) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (b.get(i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, String source) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                if (b.position() == 0) {
                    throw new DataFormatException(source, 0, "the file is empty");
                }
                return;
            }
        }
    }

    private static String group(Pattern p, String header, String key, String source) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new DataFormatException(source, 0, ".npy header has no '" + key + "': " + NumericTable.shorten(header.strip()));
        }
        return m.group(1).strip();
    }

    private static long[] shape(String s, String source) {
        String[] parts = s.split(",");
        int n = parts.length;
        if (n > 0 && parts[n - 1].isBlank()) {
            n--;
        }
        long[] shape = new long[n];
        for (int i = 0; i < n; i++) {
            try {
                shape[i] = Long.parseLong(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new DataFormatException(source, 0, ".npy shape (" + s + ") is not a list of sizes");
            }
            if (shape[i] < 0) {
                throw new DataFormatException(source, 0, ".npy shape (" + s + ") has a negative size");
            }
        }
        return shape;
    }
}
