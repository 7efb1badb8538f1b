package org.holo.core.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A comma-separated table of finite numbers with one header row, read the way real files look: \n, \r\n or
 * \r line endings, a UTF-8 byte-order mark, a missing final newline, {@code #} comment lines, blank lines and
 * spaces around fields. Anything else wrong is an error that names the source and line.
 *
 * <p>Read in one streaming pass into primitive columns: no object per row and no copy of the text, so a table
 * of n rows and k columns holds 8·k·n bytes (plus the line numbers of rows after blank or comment lines); the
 * search for duplicated rows after reading adds 8 bytes per row (hashes sorted with the row indices) while it runs.
 * Errors are reported as a reader going line by line would meet them: a duplicated row before a bad line first.
 */
public final class NumericTable {

    /** Longest accepted line, in characters: longer lines are an error, not an out-of-memory. */
    public static final int MAX_LINE = 1 << 20;

    private final String source;
    private final List<String> columns;
    private final double[][] data; // [column][row]
    private final int rows;
    private final int[] breakRows;  // rows where the line numbering jumps (the first row, rows after skipped lines)
    private final int[] breakLines; // the source line of each such row
    private final String lineWord;  // what line(r) counts: "line" of a text file, "row" of a binary one

    private NumericTable(String source, List<String> columns, double[][] data, int rows, int[] breakRows, int[] breakLines) {
        this(source, columns, data, rows, breakRows, breakLines, "line");
    }

    private NumericTable(String source, List<String> columns, double[][] data, int rows, int[] breakRows, int[] breakLines,
                         String lineWord) {
        this.lineWord = lineWord;
        this.source = source;
        this.columns = columns;
        this.data = data;
        this.rows = rows;
        this.breakRows = breakRows;
        this.breakLines = breakLines;
    }

    /** A table of the given columns (copied) whose rows come from lines 2, 3, … of {@code source}. */
    public static NumericTable of(String source, List<String> columns, double[][] data) {
        if (data.length != columns.size()) {
            throw new IllegalArgumentException(columns.size() + " column names for " + data.length + " columns");
        }
        int n = data.length == 0 ? 0 : data[0].length;
        double[][] copy = new double[data.length][];
        for (int c = 0; c < data.length; c++) {
            if (data[c].length != n) {
                throw new IllegalArgumentException("columns differ in length");
            }
            copy[c] = data[c].clone();
        }
        return new NumericTable(source, List.copyOf(columns), copy, n, new int[] {0}, new int[] {2});
    }

    /** The given columns themselves (not copied), whose row r is numbered r + 1 in messages: a binary file's rows. */
    static NumericTable wrap(String source, List<String> columns, double[][] data, int rows) {
        return new NumericTable(source, List.copyOf(columns), data, rows, new int[] {0}, new int[] {1}, "row");
    }

    /** The first row equal to an earlier one is an error naming both. */
    void requireNoDuplicateRow() {
        int[] d = firstDuplicate(rows, data.length, (c, r) -> data[c][r]);
        if (d != null) {
            throw new DataFormatException(source, line(d[0]), "duplicated row: same values as " + lineWord + " " + line(d[1]));
        }
    }

    /** A value of a table being built: column c, row r. */
    private interface Values {
        double at(int c, int r);
    }

    /**
     * The first row (in order) equal to an earlier one (-0.0 and 0.0 alike) among the first {@code n} rows, as
     * {row, earlier row}, or null: the rows' hashes with their indices (8 bytes per row), sorted, and rows
     * compared where hashes agree.
     */
    private static int[] firstDuplicate(int n, int width, Values v) {
        long[] keyed = new long[n];
        for (int r = 0; r < n; r++) {
            long h = 0x9e3779b97f4a7c15L;
            for (int c = 0; c < width; c++) {
                h = mix(h ^ Double.doubleToLongBits(v.at(c, r) + 0.0));
            }
            keyed[r] = ((h ^ (h >>> 32)) << 32) | r;
        }
        Arrays.sort(keyed);
        int later = -1;
        int earlier = -1;
        for (int g = 0; g < n; ) {
            int end = g + 1;
            while (end < n && (keyed[end] >>> 32) == (keyed[g] >>> 32)) {
                end++;
            }
            // within a hash group the rows are in order: the first equal earlier row is the first occurrence
            for (int j = g + 1; j < end; j++) {
                int rj = (int) keyed[j];
                if (later >= 0 && rj >= later) {
                    break;
                }
                for (int i = g; i < j; i++) {
                    int ri = (int) keyed[i];
                    if (sameRow(ri, rj, width, v)) {
                        later = rj;
                        earlier = ri;
                        break;
                    }
                }
            }
            g = end;
        }
        return later < 0 ? null : new int[] {later, earlier};
    }

    private static boolean sameRow(int a, int b, int width, Values v) {
        for (int c = 0; c < width; c++) {
            if (v.at(c, a) + 0.0 != v.at(c, b) + 0.0) {
                return false;
            }
        }
        return true;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * Reads a table whose header must name exactly the {@code expected} columns (in any order).
     *
     * @param source a name for messages, typically the file path
     */
    public static NumericTable read(Reader reader, String source, List<String> expected) throws IOException {
        return new CsvReader(reader, source, expected).read();
    }

    public String source() {
        return source;
    }

    public List<String> columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    /** A copy of one column, by name. */
    public double[] column(String name) {
        return data[columnIndex(name)].clone();
    }

    /** The position of a column among {@link #columns()}. */
    public int columnIndex(String name) {
        int idx = columns.indexOf(name);
        if (idx < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in " + columns);
        }
        return idx;
    }

    /** The value in column {@code column} (an index into {@link #columns()}) of row {@code row}. */
    public double value(int column, int row) {
        if (row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rows);
        }
        return data[column][row];
    }

    /** The column itself, not a copy: for handing the numbers on without doubling them. */
    double[] columnArray(String name) {
        return data[columnIndex(name)];
    }

    /** The source line of row r, for messages. */
    public int line(int r) {
        if (r < 0 || r >= rows) {
            throw new IndexOutOfBoundsException("row " + r + " of " + rows);
        }
        int k = Arrays.binarySearch(breakRows, r);
        if (k < 0) {
            k = -k - 2;
        }
        return breakLines[k] + (r - breakRows[k]);
    }

    /** The streaming parser: a line at a time from a char buffer, numbers into chunked primitive columns. */
    private static final class CsvReader {

        private static final int CHUNK_BITS = 16;
        private static final int CHUNK = 1 << CHUNK_BITS;

        private final Reader reader;
        private final String source;
        private final List<String> expected;
        private final int width;

        private final char[] buf = new char[1 << 16];
        private int bufStart;
        private int bufEnd;
        private boolean eof;
        private char[] carry = new char[256];
        private boolean pendingCr; // the last line ended in \r: a following \n belongs to it

        private List<String> header;
        private int[] order;         // header column -> expected column
        private boolean anyContent;  // a non-blank line was seen
        private int lineNo;

        private double[][][] chunks; // [expected column][chunk][row in chunk]
        private int rows;
        private int[] breakRows = new int[4];
        private int[] breakLines = new int[4];
        private int breaks;
        private int lastLine = -1;
        private final double[] row;
        private final int[] fieldStart;
        private final int[] fieldEnd;

        CsvReader(Reader reader, String source, List<String> expected) {
            this.reader = reader;
            this.source = source;
            this.expected = List.copyOf(expected);
            this.width = expected.size();
            this.row = new double[width];
            this.fieldStart = new int[width];
            this.fieldEnd = new int[width];
            this.chunks = new double[width][][];
            for (int c = 0; c < width; c++) {
                chunks[c] = new double[4][];
            }
        }

        NumericTable read() throws IOException {
            try {
                readLines();
            } catch (DataFormatException e) {
                drain(); // text that is not UTF-8 anywhere in the file is the first thing to say
                requireNoDuplicate(rows);
                throw e;
            }
            if (header == null) {
                throw new DataFormatException(source, 0, (anyContent ? "only comments, no header row" : "the file is empty")
                        + ": expected a header row with columns " + String.join(",", expected) + ", then one row per point");
            }
            requireNoDuplicate(rows);
            return build();
        }

        private void readLines() throws IOException {
            boolean first = true;
            while (true) {
                if (bufStart == bufEnd && !fill()) {
                    break;
                }
                if (first) {
                    first = false;
                    if (buf[bufStart] == '\uFEFF') {
                        bufStart++;
                    }
                }
                nextLine();
            }
        }

        private void drain() throws IOException {
            while (reader.read(buf, 0, buf.length) >= 0) {
                // the decoder checks what passes
            }
        }

        private boolean fill() throws IOException {
            if (eof) {
                return false;
            }
            int n = reader.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                bufStart = 0;
                bufEnd = 0;
                return false;
            }
            bufStart = 0;
            bufEnd = n;
            return true;
        }

        /** Consumes one line (the buffer is not empty) and processes it. */
        private void nextLine() throws IOException {
            if (pendingCr) {
                pendingCr = false;
                if (buf[bufStart] == '\n') {
                    bufStart++;
                    if (bufStart == bufEnd && !fill()) {
                        return;
                    }
                }
            }
            if (lineNo == Integer.MAX_VALUE) {
                throw new DataFormatException(source, 0, "more than " + Integer.MAX_VALUE + " lines");
            }
            lineNo++;
            int i = bufStart;
            while (i < bufEnd && buf[i] != '\n' && buf[i] != '\r') {
                i++;
            }
            if (i < bufEnd) {
                // the whole line is in the buffer
                if (i - bufStart > MAX_LINE) {
                    throw tooLong();
                }
                int s = bufStart;
                consumeTerminator(i);
                processLine(buf, s, i);
                return;
            }
            // the line continues past the buffer: gather it in carry
            int len = 0;
            while (true) {
                int n = i - bufStart;
                if (len + n > MAX_LINE) {
                    throw tooLong();
                }
                if (len + n > carry.length) {
                    carry = Arrays.copyOf(carry, Math.min(MAX_LINE + 1, Math.max(len + n, 2 * carry.length)));
                }
                System.arraycopy(buf, bufStart, carry, len, n);
                len += n;
                bufStart = i;
                if (i < bufEnd) {
                    consumeTerminator(i);
                    break;
                }
                if (!fill()) {
                    break;
                }
                i = bufStart;
                while (i < bufEnd && buf[i] != '\n' && buf[i] != '\r') {
                    i++;
                }
            }
            processLine(carry, 0, len);
        }

        private void consumeTerminator(int i) {
            if (buf[i] == '\r') {
                if (i + 1 < bufEnd) {
                    bufStart = buf[i + 1] == '\n' ? i + 2 : i + 1;
                } else {
                    bufStart = i + 1;
                    pendingCr = true;
                }
            } else {
                bufStart = i + 1;
            }
        }

        private DataFormatException tooLong() {
            return new DataFormatException(source, lineNo, "line longer than " + MAX_LINE + " characters (not a CSV table?)");
        }

        private void processLine(char[] b, int from, int to) {
            while (from < to && Character.isWhitespace(b[from])) {
                from++;
            }
            while (to > from && Character.isWhitespace(b[to - 1])) {
                to--;
            }
            if (from == to || b[from] == '#') {
                if (from < to) {
                    anyContent = true;
                }
                return;
            }
            anyContent = true;
            if (header == null) {
                readHeader(new String(b, from, to - from));
                return;
            }
            int fields = 1;
            for (int k = from; k < to; k++) {
                if (b[k] == ',') {
                    fields++;
                }
            }
            if (fields == header.size()) {
                int f = 0;
                int s = from;
                for (int k = from; k <= to; k++) {
                    if (k == to || b[k] == ',') {
                        fieldStart[f] = s;
                        fieldEnd[f] = k;
                        f++;
                        s = k + 1;
                    }
                }
                strip(b);
                if (isRepeatedHeader(b)) {
                    throw new DataFormatException(source, lineNo, "the header row appears again (files pasted together?)");
                }
            } else {
                throw new DataFormatException(source, lineNo, "expected " + header.size() + " fields (" + String.join(",", header)
                        + "), found " + fields);
            }
            for (int c = 0; c < width; c++) {
                row[order[c]] = DecimalParser.parse(b, fieldStart[c], fieldEnd[c], header.get(c), source, lineNo);
            }
            append();
        }

        private void strip(char[] b) {
            for (int f = 0; f < width; f++) {
                int s = fieldStart[f];
                int e = fieldEnd[f];
                while (s < e && Character.isWhitespace(b[s])) {
                    s++;
                }
                while (e > s && Character.isWhitespace(b[e - 1])) {
                    e--;
                }
                fieldStart[f] = s;
                fieldEnd[f] = e;
            }
        }

        private boolean isRepeatedHeader(char[] b) {
            for (int f = 0; f < width; f++) {
                String name = header.get(f);
                int len = fieldEnd[f] - fieldStart[f];
                if (len != name.length()) {
                    return false;
                }
                for (int k = 0; k < len; k++) {
                    if (b[fieldStart[f] + k] != name.charAt(k)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private void readHeader(String line) {
            if (line.startsWith("{") || line.startsWith("[")) {
                throw new DataFormatException(source, lineNo, "this looks like JSON, not a CSV table (expected a header row "
                        + String.join(",", expected) + ")");
            }
            List<String> names = new ArrayList<>();
            for (String f : line.split(",", -1)) {
                names.add(f.strip());
            }
            order = columnOrder(names, expected, source, lineNo);
            header = names;
        }

        private void append() {
            int chunk = rows >>> CHUNK_BITS;
            int at = rows & (CHUNK - 1);
            if (at == 0) {
                if (rows == Integer.MAX_VALUE - CHUNK) {
                    throw new DataFormatException(source, lineNo, "more rows than a table can hold");
                }
                for (int c = 0; c < width; c++) {
                    if (chunk == chunks[c].length) {
                        chunks[c] = Arrays.copyOf(chunks[c], 2 * chunk);
                    }
                    chunks[c][chunk] = new double[CHUNK];
                }
            }
            for (int c = 0; c < width; c++) {
                chunks[c][chunk][at] = row[c];
            }
            if (lineNo != lastLine + 1) {
                if (breaks == breakRows.length) {
                    breakRows = Arrays.copyOf(breakRows, 2 * breaks);
                    breakLines = Arrays.copyOf(breakLines, 2 * breaks);
                }
                breakRows[breaks] = rows;
                breakLines[breaks] = lineNo;
                breaks++;
            }
            lastLine = lineNo;
            rows++;
        }

        double valueAt(int column, int r) {
            return chunks[column][r >>> CHUNK_BITS][r & (CHUNK - 1)];
        }

        int lineOf(int r) {
            int k = Arrays.binarySearch(breakRows, 0, breaks, r);
            if (k < 0) {
                k = -k - 2;
            }
            return breakLines[k] + (r - breakRows[k]);
        }

        private NumericTable build() {
            double[][] data = new double[width][];
            for (int c = 0; c < width; c++) {
                double[] col = new double[rows];
                for (int k = 0; k * CHUNK < rows; k++) {
                    System.arraycopy(chunks[c][k], 0, col, k * CHUNK, Math.min(CHUNK, rows - k * CHUNK));
                    chunks[c][k] = null; // the copy replaces the chunks as it goes
                }
                data[c] = col;
            }
            int nb = Math.max(breaks, 1);
            int[] br = breaks == 0 ? new int[] {0} : Arrays.copyOf(breakRows, nb);
            int[] bl = breaks == 0 ? new int[] {lineNo + 1} : Arrays.copyOf(breakLines, nb);
            return new NumericTable(source, expected, data, rows, br, bl);
        }

        /** A duplicated row among the rows before an error on a later line is the error to report. */
        private void requireNoDuplicate(int n) {
            int[] d = firstDuplicate(n, width, this::valueAt);
            if (d != null) {
                throw new DataFormatException(source, lineOf(d[0]), "duplicated row: same values as line " + lineOf(d[1]));
            }
        }
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
                        + shorten(name.replace("\t", "\\t")) + "' (expected columns: " + String.join(",", expected) + ")");
            }
            if (idx < 0 && name.length() >= 2 && (name.startsWith("\"") || name.startsWith("'"))) {
                throw new DataFormatException(source, lineNo, "quoted column name " + shorten(name)
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
                        ? "missing header row: found the number '" + shorten(name) + "' where a column name was expected (columns: "
                                + String.join(",", expected) + ")"
                        : "unknown column '" + shorten(name) + "' (expected columns: " + String.join(",", expected) + ")");
            }
            if (header.indexOf(name) != c) {
                throw new DataFormatException(source, lineNo, "column '" + name + "' appears twice in the header");
            }
            order[c] = idx;
        }
        for (String e : expected) {
            if (!header.contains(e)) {
                throw new DataFormatException(source, lineNo, "missing column '" + e + "' (header has: "
                        + shorten(String.join(",", header)) + "; expected: " + String.join(",", expected) + ")");
            }
        }
        return order;
    }

    /** Text from the file quoted in a message, cut to a readable length. */
    static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 60) + "… (" + s.length() + " characters)";
    }
}
