package org.holo.train.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.holo.train.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every format reads back to the exact doubles, with the layout the README promises. */
class ExporterTest {

    @TempDir
    Path tmp;

    static final double[] A = {1.0 / 3, -0.0, 1e-300, Double.NaN, 123456789.125, -7.0};
    static final double[] B = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 4.0, 0.1 + 0.2, -1e22, Double.MIN_VALUE};
    static final double[] C = {0, 1, 2, 3, 4, 1e15};

    static Table table() {
        return new Table("metric", "a test table", List.of(
                new Column("eta", "radial coordinate", "1 (units of the AdS radius)", A),
                new Column("h", "metric", "1", B),
                new Column("L_GeV_inv", "radius", "GeV^-1", C)));
    }

    static Table scalars() {
        return new Table(RunReport.SCALARS, "scalars", List.of(
                new Column("L_GeV_inv", "AdS radius L", "GeV^-1", new double[] {3.85}),
                new Column("inverse_L_MeV", "1/L", "MeV", new double[] {1000.0 / 3.85}),
                new Column("lambda", "coupling", "1", new double[] {Double.NaN})));
    }

    static ObjectNode source() {
        return JsonNodeFactory.instance.objectNode().put("run_dir", "/runs/x").put("experiment", "x");
    }

    static void assertSame(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                    what + "[" + i + "]: expected " + expected[i] + ", read " + actual[i]);
        }
    }

    static JsonNode json(Path p) throws Exception {
        return ConfigLoader.mapper().readTree(Files.readString(p));
    }

    List<Path> write(Exporter.Format f) throws Exception {
        return Exporter.write(List.of(table(), scalars()), source(), List.of("a note"), tmp, f);
    }

    @Test
    void csvRoundTripsWithOneHeaderRowAndASidecar() throws Exception {
        List<Path> files = write(Exporter.Format.CSV);
        assertEquals(List.of(tmp.resolve("metric.csv"), tmp.resolve("metric.csv.json"), tmp.resolve("scalars.csv"),
                tmp.resolve("scalars.csv.json")), files);
        List<String> lines = Files.readAllLines(tmp.resolve("metric.csv"));
        assertEquals("eta,h,L_GeV_inv", lines.get(0));
        assertEquals(1 + A.length, lines.size());
        double[][] cols = new double[3][A.length];
        for (int r = 0; r < A.length; r++) {
            String[] f = lines.get(r + 1).split(",", -1);
            assertEquals(3, f.length);
            for (int c = 0; c < 3; c++) {
                cols[c][r] = Double.parseDouble(f[c]);
            }
        }
        assertSame(A, cols[0], "eta");
        assertSame(B, cols[1], "h");
        assertSame(C, cols[2], "L");
        assertEquals("0", lines.get(1).split(",")[2], "integers without a fraction");

        JsonNode side = json(tmp.resolve("metric.csv.json"));
        assertEquals("metric.csv", side.get("file").asText());
        assertEquals(A.length, side.get("rows").asInt());
        assertEquals("GeV^-1", side.get("columns").get("L_GeV_inv").get("unit").asText());
        assertEquals("radial coordinate", side.get("columns").get("eta").get("quantity").asText());
        assertEquals("/runs/x", side.get("source").get("run_dir").asText());
        List<String> order = new ArrayList<>();
        side.get("column_order").forEach(n -> order.add(n.asText()));
        assertEquals(List.of("eta", "h", "L_GeV_inv"), order);

        List<String> s = Files.readAllLines(tmp.resolve("scalars.csv"));
        assertEquals(List.of("L_GeV_inv,inverse_L_MeV,lambda", "3.85," + (1000.0 / 3.85) + ",NaN"), s);
    }

    @Test
    void datHasAHashHeaderAndWhitespaceColumns() throws Exception {
        write(Exporter.Format.DAT);
        List<String> lines = Files.readAllLines(tmp.resolve("metric.dat"));
        assertEquals("# eta h L_GeV_inv", lines.get(0));
        assertTrue(lines.get(1).startsWith("# units: eta [1 (units of the AdS radius)] h [1] L_GeV_inv [GeV^-1]"), lines.get(1));
        List<String> data = new ArrayList<>();
        for (String l : lines) {
            if (!l.startsWith("#")) {
                data.add(l);
            }
        }
        assertEquals(A.length, data.size());
        double[][] cols = new double[3][A.length];
        for (int r = 0; r < A.length; r++) {
            String[] f = data.get(r).trim().split("\\s+");
            assertEquals(3, f.length, data.get(r));
            for (int c = 0; c < 3; c++) {
                cols[c][r] = Double.parseDouble(f[c]);
            }
        }
        assertSame(A, cols[0], "eta");
        assertSame(B, cols[1], "h");
        assertSame(C, cols[2], "L");
        assertTrue(Files.isRegularFile(tmp.resolve("metric.dat.json")));
    }

    @Test
    void npyIsVersion1LittleEndianFloat64COrder() throws Exception {
        write(Exporter.Format.NPY);
        byte[] b = Files.readAllBytes(tmp.resolve("metric.npy"));
        assertEquals((byte) 0x93, b[0]);
        assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, b[6]);
        assertEquals(0, b[7]);
        int headerLen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLen) % 64, "data start at a multiple of 64 bytes");
        String header = new String(b, 10, headerLen, StandardCharsets.US_ASCII);
        assertTrue(header.endsWith("\n"), "header ends with a newline");
        Matcher m = Pattern.compile("\\{'descr': '<f8', 'fortran_order': False, 'shape': \\((\\d+), (\\d+)\\), \\} *\n")
                .matcher(header);
        assertTrue(m.matches(), header);
        int rows = Integer.parseInt(m.group(1));
        int cols = Integer.parseInt(m.group(2));
        assertEquals(A.length, rows);
        assertEquals(3, cols);
        assertEquals(10 + headerLen + rows * cols * 8, b.length);
        ByteBuffer data = ByteBuffer.wrap(b, 10 + headerLen, rows * cols * 8).order(ByteOrder.LITTLE_ENDIAN);
        double[][] read = new double[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                read[c][r] = data.getDouble();
            }
        }
        assertSame(A, read[0], "eta");
        assertSame(B, read[1], "h");
        assertSame(C, read[2], "L");

        JsonNode side = json(tmp.resolve("metric.npy.json"));
        assertEquals("<f8", side.get("dtype").asText());
        assertEquals(rows, side.get("shape").get(0).asInt());
        assertEquals(cols, side.get("shape").get(1).asInt());
        assertEquals("h", side.get("column_order").get(1).asText());

        byte[] s = Files.readAllBytes(tmp.resolve("scalars.npy"));
        int sl = (s[8] & 0xff) | (s[9] & 0xff) << 8;
        assertTrue(new String(s, 10, sl, StandardCharsets.US_ASCII).contains("'shape': (1, 3)"));
        assertEquals(3.85, ByteBuffer.wrap(s, 10 + sl, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble());
    }

    @Test
    void jsonHasColumnsAsArraysAndScalarsWithUnits() throws Exception {
        List<Path> files = write(Exporter.Format.JSON);
        assertEquals(List.of(tmp.resolve(Exporter.JSON_FILE)), files);
        JsonNode j = json(files.get(0));
        JsonNode t = j.get("tables").get("metric");
        assertEquals(A.length, t.get("rows").asInt());
        assertEquals("GeV^-1", t.get("units").get("L_GeV_inv").asText());
        for (String col : List.of("eta", "h", "L_GeV_inv")) {
            double[] expected = col.equals("eta") ? A : col.equals("h") ? B : C;
            JsonNode a = t.get("columns").get(col);
            assertEquals(expected.length, a.size());
            for (int i = 0; i < expected.length; i++) {
                if (Double.isFinite(expected[i])) {
                    assertEquals(expected[i], a.get(i).asDouble(), 0.0, col + "[" + i + "]");
                } else {
                    assertTrue(a.get(i).isNull(), "non-finite is null in JSON: " + col + "[" + i + "]");
                }
            }
        }
        assertEquals(3.85, j.get("scalars").get("L_GeV_inv").get("value").asDouble(), 0.0);
        assertEquals("GeV^-1", j.get("scalars").get("L_GeV_inv").get("unit").asText());
        assertEquals("MeV", j.get("scalars").get("inverse_L_MeV").get("unit").asText());
        assertTrue(j.get("scalars").get("lambda").get("value").isNull());
        assertEquals("x", j.get("source").get("experiment").asText());
        assertEquals("a note", j.get("notes").get(0).asText());
        assertTrue(j.get("tables").get("scalars") == null, "scalars are not repeated as a table");
    }

    @Test
    void formatsParseAndUnknownFormatsFail() {
        assertEquals(Exporter.Format.NPY, Exporter.Format.parse(" NPY "));
        assertEquals(Exporter.Format.DAT, Exporter.Format.parse("dat"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Exporter.Format.parse("xls"));
        assertTrue(e.getMessage().contains("csv, json, npy or dat"), e.getMessage());
    }

    @Test
    void tablesRejectRaggedOrDuplicateColumns() {
        assertThrows(IllegalArgumentException.class, () -> new Table("t", "", List.of(
                new Column("a", "", "1", new double[2]), new Column("b", "", "1", new double[3]))));
        assertThrows(IllegalArgumentException.class, () -> new Table("t", "", List.of(
                new Column("a", "", "1", new double[2]), new Column("a", "", "1", new double[2]))));
        assertThrows(IllegalArgumentException.class, () -> new Column("a b", "", "1", new double[0]));
        assertArrayEquals(new String[] {"a"}, new Table("t", "", List.of(new Column("a", "", "1", new double[0])))
                .columnNames().toArray(new String[0]));
    }
}
