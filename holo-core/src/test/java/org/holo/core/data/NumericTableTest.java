package org.holo.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumericTableTest {

    private static final List<String> ABC = List.of("a", "b", "label");

    private static NumericTable read(String text) throws IOException {
        return NumericTable.read(new StringReader(text), "t.csv", ABC);
    }

    /** A reader that hands out at most {@code step} characters per call, to put line ends on buffer edges. */
    private static Reader trickle(String text, int step) {
        return new Reader() {
            private int at;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (at == text.length()) {
                    return -1;
                }
                int n = Math.min(Math.min(len, step), text.length() - at);
                text.getChars(at, at + n, cbuf, off);
                at += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void numbersAreThoseOfDoubleParseDouble() throws IOException {
        Random r = new Random(7);
        StringBuilder sb = new StringBuilder("a,b,label\n");
        int n = 20_000;
        String[] as = new String[n];
        String[] bs = new String[n];
        for (int i = 0; i < n; i++) {
            as[i] = randomDecimal(r);
            bs[i] = Double.toString(r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20)).replace("E", "e");
            sb.append(as[i]).append(',').append(bs[i]).append(',').append(i).append('\n');
        }
        NumericTable t = read(sb.toString());
        assertEquals(n, t.rows());
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(as[i])), Double.doubleToRawLongBits(t.value(0, i)), as[i]);
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(bs[i])), Double.doubleToRawLongBits(t.value(1, i)), bs[i]);
            assertEquals(i + 2, t.line(i));
        }
    }

    /** Signs, leading and trailing zeros, points at either end, exponents: up to 20 digits. */
    private static String randomDecimal(Random r) {
        StringBuilder s = new StringBuilder();
        int sign = r.nextInt(3);
        if (sign == 1) {
            s.append('-');
        } else if (sign == 2) {
            s.append('+');
        }
        int intDigits = r.nextInt(12);
        int fracDigits = r.nextInt(12);
        if (intDigits + fracDigits == 0) {
            intDigits = 1;
        }
        for (int k = 0; k < intDigits; k++) {
            s.append((char) ('0' + (r.nextInt(4) == 0 ? 0 : r.nextInt(10))));
        }
        if (fracDigits > 0 || r.nextBoolean()) {
            s.append('.');
        }
        for (int k = 0; k < fracDigits; k++) {
            s.append((char) ('0' + r.nextInt(10)));
        }
        if (r.nextInt(3) == 0) {
            s.append(r.nextBoolean() ? 'e' : 'E').append(r.nextBoolean() ? "-" : r.nextBoolean() ? "+" : "").append(r.nextInt(30));
        }
        return s.toString();
    }

    @Test
    void lineNumbersCountSkippedLinesAcrossChunksAndBuffers() throws IOException {
        StringBuilder sb = new StringBuilder("\uFEFF# comment\r\n\r\na , b,label\r");
        int n = 150_000;
        int line = 3;
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
            if (i % 50_001 == 7) {
                sb.append("  \n# note\n");
                line += 2;
            }
            line++;
            lines[i] = line;
            sb.append(i).append(".5, ").append(-i).append(",").append(i % 2).append(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\r" : "\n");
        }
        for (int step : new int[] {1 << 16, 4093, 7}) {
            NumericTable t = NumericTable.read(trickle(sb.toString(), step), "t.csv", ABC);
            assertEquals(n, t.rows());
            for (int i = 0; i < n; i += 997) {
                assertEquals(lines[i], t.line(i), "row " + i);
                assertEquals(i + 0.5, t.value(0, i));
                assertEquals(-i + 0.0, t.value(1, i));
            }
            assertEquals(lines[n - 1], t.line(n - 1));
        }
    }

    @Test
    void aDuplicateFarApartIsFoundWithBothLines() throws IOException {
        StringBuilder sb = new StringBuilder("label,a,b\n");
        for (int i = 0; i < 100_000; i++) {
            sb.append(i % 2).append(',').append(i).append(",0.25\n");
        }
        sb.append("0,-0,0.25\n"); // the same as row 0 (-0.0 equals 0.0), line 100 002
        DataFormatException e = assertThrows(DataFormatException.class, () -> read(sb.toString()));
        assertEquals(100_002, e.line());
        assertTrue(e.getMessage().contains("same values as line 2"), e.getMessage());
        // a different label is a different row
        NumericTable t = read("a,b,label\n1,2,0\n1,2,1\n");
        assertEquals(2, t.rows());
    }

    @Test
    void aDuplicateBeforeABadValueIsReportedFirstAndViceVersa() {
        DataFormatException dup = assertThrows(DataFormatException.class, () -> read("a,b,label\n1,2,0\n1,2,0\nx,2,0\n"));
        assertEquals(3, dup.line());
        DataFormatException bad = assertThrows(DataFormatException.class, () -> read("a,b,label\n1,2,0\nx,2,0\n1,2,0\n"));
        assertEquals(3, bad.line());
        assertTrue(bad.getMessage().contains("'x' is not a number"), bad.getMessage());
    }

    @Test
    void textThatIsNotUtf8AnywhereIsReportedBeforeABadValueOnAnEarlierLine() {
        byte[] head = "a,b,label\n1,2,0\nx,2,0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 200_003);
        java.util.Arrays.fill(bytes, head.length, bytes.length - 3, (byte) '#');
        bytes[bytes.length - 3] = (byte) 0xC3; // a lead byte without its continuation
        bytes[bytes.length - 2] = (byte) '(';
        bytes[bytes.length - 1] = (byte) '\n';
        assertThrows(java.nio.charset.MalformedInputException.class, () -> NumericTable.read(new java.io.InputStreamReader(
                new java.io.ByteArrayInputStream(bytes), java.nio.charset.StandardCharsets.UTF_8.newDecoder()), "t.csv", ABC));
    }

    @Test
    void valuesThatAreNotPlainFiniteDecimalsAreRefusedByName() {
        for (String v : new String[] {"NaN", "Infinity", "-Infinity", "1d", "0x1p3", "1e999", "1e99999999999", "-1e400000"}) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> read("a,b,label\n" + v + ",1,0\n"), v);
            assertTrue(e.getMessage().contains("is not a finite decimal number"), e.getMessage());
        }
        for (String v : new String[] {".", "+", "-", "e5", "1e", "1e+", "1.2.3", "--1", "1 2", "1,5"}) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> read("a,b,label\n" + v + ",1,0\n"), v);
            assertEquals(2, e.line(), e.getMessage());
        }
    }

    @Test
    void aLineLongerThanTheLimitIsAnErrorNamingItsLine() {
        String longLine = "1".repeat(NumericTable.MAX_LINE + 1);
        for (String text : new String[] {"a,b,label\n1,2,0\n" + longLine + "\n", "a,b,label\n1,2,0\n#" + longLine}) {
            DataFormatException e = assertThrows(DataFormatException.class,
                    () -> NumericTable.read(trickle(text, 5000), "t.csv", ABC));
            assertEquals(3, e.line());
            assertTrue(e.getMessage().contains("longer than"), e.getMessage());
        }
        String huge = "a,b,label\n" + "9".repeat(5000) + ",1,0\n";
        DataFormatException e = assertThrows(DataFormatException.class, () -> read(huge));
        assertTrue(e.getMessage().length() < 300, "the message quotes a shortened value: " + e.getMessage().length());
    }
}
