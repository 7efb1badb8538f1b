package org.holo.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.holo.core.data.DataFormatException;
import org.holo.core.data.LabelledData;
import org.holo.core.model.HolographicNetwork;
import org.holo.train.Experiment;
import org.holo.train.TestSupport;
import org.holo.train.config.ConfigLoader;
import org.holo.train.config.DataConfig;
import org.holo.train.random.Rng;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labelled data from CSV (data.source = csv): exact round trip, tolerant of real-world files, precise errors. */
class CsvDataTest {

    private static HolographicNetwork qcd;
    private static HolographicNetwork raw;

    @TempDir
    Path tmp;

    @BeforeAll
    static void networks() {
        qcd = Experiment.network(TestSupport.load(TestSupport.qcdConfig(), "data.positives=10", "data.negatives=10").config().model);
        raw = Experiment.network(TestSupport.load(TestSupport.adsConfig(), "data.positives=10", "data.negatives=10").config().model);
    }

    private static LabelledData load(Path file, HolographicNetwork network) throws Exception {
        DataConfig.Csv c = new DataConfig.Csv();
        c.file = file.getFileName().toString();
        // a relative file name is resolved against the base directory
        return DataSources.load(c, file.getParent(), network, 0.2, 0.8, new Rng(1)).data();
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }

    private DataFormatException fails(String name, String text, HolographicNetwork network) throws Exception {
        Path f = write(name, text);
        return assertThrows(DataFormatException.class, () -> load(f, network));
    }

    private static void assertNamesLine(DataFormatException e, Path file, int line, String... parts) {
        assertEquals(line, e.line(), e.getMessage());
        TestSupport.assertContainsAll(e.getMessage(), file.toString() + ":" + line + ":");
        TestSupport.assertContainsAll(e.getMessage(), parts);
    }

    @Test
    void toCsvReadsBackToIdenticalNumbers() throws Exception {
        Experiment q = TestSupport.build(TestSupport.qcdConfig(), "data.positives=300", "data.negatives=300");
        Path f = write("qcd.csv", q.data().toCsv());
        LabelledData back = load(f, qcd);
        assertTrue(TestSupport.sameData(q.data(), back), "QCD data must read back bit for bit");

        Experiment a = TestSupport.build(TestSupport.adsConfig(), "data.positives=300", "data.negatives=300");
        Path g = write("ads.csv", a.data().toCsv());
        LabelledData back2 = load(g, raw);
        assertTrue(TestSupport.sameData(a.data(), back2), "(phi, pi) data, negative pi included, must read back bit for bit");
        assertTrue(Files.readString(g).startsWith("phi,pi,label\n"));

        // awkward doubles: subnormal, tiny, huge, many digits
        double[] x0 = {4.9e-324, 1e-300, 0.1 + 0.2, 1.0 / 3.0, 123456789.123456789, 2.2250738585072014E-308};
        double[] x1 = {-0.0001, 1e300, -1.0 / 7.0, 5e-5, 0.0, 7.0};
        double[] y = {0, 1, 0, 1, 0, 1};
        LabelledData odd = new LabelledData(List.of("phi", "pi"), x0, x1, y);
        assertTrue(TestSupport.sameData(odd, load(write("odd.csv", odd.toCsv()), raw)));
    }

    @Test
    void realWorldFileShapesGiveTheSameNumbers() throws Exception {
        String clean = "m_q_GeV,condensate_GeV3,label\n0.001,0.01,0\n0.002,0.05,1\n0.0035,0.021,0\n0.02,0.1,1\n";
        LabelledData ref = load(write("clean.csv", clean), qcd);
        assertEquals(4, ref.size());
        assertEquals(0.0035, ref.x0(2), 0.0);
        assertEquals(0.021, ref.x1(2), 0.0);
        assertEquals(2, ref.positives());

        String[][] variants = {
            {"crlf.csv", clean.replace("\n", "\r\n")},
            {"cr.csv", clean.replace("\n", "\r")},
            {"bom.csv", "\uFEFF" + clean},
            {"bom-crlf.csv", "\uFEFF" + clean.replace("\n", "\r\n")},
            {"comments.csv", "# produced by hand\n# units: GeV\n" + clean.replace("0.002,0.05,1\n", "0.002,0.05,1\n# a note\n")},
            {"blank.csv", "\n" + clean.replace("\n0.0035", "\n\n   \n0.0035") + "\n\n"},
            {"no-final-newline.csv", clean.substring(0, clean.length() - 1)},
            {"spaces.csv", " m_q_GeV , condensate_GeV3 ,label\n0.001 , 0.01,0\n 0.002,0.05 ,1\n0.0035,0.021,0\n0.02,0.1,1"},
            {"reordered.csv", "label,condensate_GeV3,m_q_GeV\n0,0.01,0.001\n1,0.05,0.002\n0,0.021,0.0035\n1,0.1,0.02\n"},
            {"exponents.csv", "m_q_GeV,condensate_GeV3,label\n1e-3,1.0E-2,0\n2.0e-3,5e-2,1\n3.5E-3,2.1e-2,0\n+0.02,0.1,1\n"},
        };
        for (String[] v : variants) {
            LabelledData got = load(write(v[0], v[1]), qcd);
            assertTrue(TestSupport.sameData(ref, got), v[0] + " must give the same numbers as the clean file");
        }
    }

    @Test
    void lineNumbersCountEveryPhysicalLine() throws Exception {
        String text = "# comment\n\nm_q_GeV,condensate_GeV3,label\n0.001,0.01,0\n\n# another\n0.002,x,1\n";
        for (String eol : new String[] {"\n", "\r\n", "\r"}) {
            Path f = write("lines.csv", text.replace("\n", eol));
            DataFormatException e = assertThrows(DataFormatException.class, () -> load(f, qcd));
            assertNamesLine(e, f, 7, "condensate_GeV3", "'x'", "not a number");
        }
    }

    @Test
    void badValuesNameFileAndLine() throws Exception {
        String h = "m_q_GeV,condensate_GeV3,label\n";
        String ok = "0.001,0.01,0\n0.003,0.02,1\n";
        DataFormatException e = fails("text.csv", h + ok + "0.002,abc,1\n", qcd);
        assertNamesLine(e, tmp.resolve("text.csv"), 4, "condensate_GeV3", "'abc'", "not a number");
        assertNamesLine(fails("nan.csv", h + ok + "NaN,0.05,1\n", qcd), tmp.resolve("nan.csv"), 4, "m_q_GeV", "NaN");
        assertNamesLine(fails("inf.csv", h + ok + "0.002,Infinity,1\n", qcd), tmp.resolve("inf.csv"), 4, "Infinity", "finite");
        assertNamesLine(fails("minf.csv", h + ok + "0.002,-Infinity,1\n", qcd), tmp.resolve("minf.csv"), 4, "finite");
        assertNamesLine(fails("suffix.csv", h + ok + "0.002,0.05d,1\n", qcd), tmp.resolve("suffix.csv"), 4, "0.05d");
        assertNamesLine(fails("hex.csv", h + ok + "0x1p-3,0.05,1\n", qcd), tmp.resolve("hex.csv"), 4, "0x1p-3");
        assertNamesLine(fails("overflow.csv", h + ok + "0.002,1e999,1\n", qcd), tmp.resolve("overflow.csv"), 4, "1e999");
        assertNamesLine(fails("empty.csv", h + ok + "0.002,,1\n", qcd), tmp.resolve("empty.csv"), 4, "empty value", "condensate_GeV3");
    }

    @Test
    void wrongShapesNameFileAndLine() throws Exception {
        String h = "m_q_GeV,condensate_GeV3,label\n";
        String ok = "0.001,0.01,0\n0.003,0.02,1\n";
        assertNamesLine(fails("short.csv", h + ok + "0.002,0.05\n", qcd), tmp.resolve("short.csv"), 4, "expected 3 fields", "found 2");
        assertNamesLine(fails("long.csv", h + "0.002,0.05,1,7\n" + ok, qcd), tmp.resolve("long.csv"), 2, "expected 3 fields", "found 4");
        assertNamesLine(fails("unknown.csv", "m_q_GeV,sigma,label\n" + ok, qcd), tmp.resolve("unknown.csv"), 1,
                "unknown column 'sigma'", "condensate_GeV3");
        assertNamesLine(fails("missing.csv", "m_q_GeV,label\n0.001,0\n0.002,1\n", qcd), tmp.resolve("missing.csv"), 1,
                "missing column 'condensate_GeV3'");
        assertNamesLine(fails("twice.csv", "m_q_GeV,m_q_GeV,label\n0.001,0.001,0\n", qcd), tmp.resolve("twice.csv"), 1,
                "appears twice");
        assertNamesLine(fails("noheader.csv", ok, qcd), tmp.resolve("noheader.csv"), 1, "missing header row");
        // a file with (phi, pi) columns given to the QCD input layer
        assertNamesLine(fails("wrongkind.csv", "phi,pi,label\n0.1,0.1,0\n", qcd), tmp.resolve("wrongkind.csv"), 1, "unknown column 'phi'");
    }

    @Test
    void badContentNamesFileAndLine() throws Exception {
        String h = "m_q_GeV,condensate_GeV3,label\n";
        assertNamesLine(fails("label2.csv", h + "0.001,0.01,0\n0.002,0.05,2\n0.003,0.02,1\n", qcd), tmp.resolve("label2.csv"), 3,
                "label must be 0", "2.0");
        assertNamesLine(fails("label05.csv", h + "0.001,0.01,0.5\n0.003,0.02,1\n", qcd), tmp.resolve("label05.csv"), 2, "label");
        assertNamesLine(fails("negmq.csv", h + "0.001,0.01,0\n0.003,0.02,1\n-0.002,0.05,1\n", qcd), tmp.resolve("negmq.csv"), 4,
                "m_q_GeV", "negative", "-0.002");
        assertNamesLine(fails("negsigma.csv", h + "0.001,-0.01,0\n0.003,0.02,1\n", qcd), tmp.resolve("negsigma.csv"), 2,
                "condensate_GeV3", "negative");
        assertNamesLine(fails("dup.csv", h + "0.001,0.01,0\n0.003,0.02,1\n# x\n0.001,0.01,0\n", qcd), tmp.resolve("dup.csv"), 5,
                "duplicated row", "line 2");
        // the same numbers written differently are the same row
        assertNamesLine(fails("dup2.csv", h + "0.001,0.01,0\n0.003,0.02,1\n1e-3,1.0E-2,0\n", qcd), tmp.resolve("dup2.csv"), 4,
                "duplicated row");
        // raw (phi, pi) data may be negative
        LabelledData neg = load(write("rawneg.csv", "phi,pi,label\n-0.5,-0.1,0\n0.5,0.1,1\n"), raw);
        assertEquals(-0.5, neg.x0(0), 0.0);
    }

    @Test
    void fileLevelProblems() throws Exception {
        Path missing = tmp.resolve("absent.csv");
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(missing, qcd));
        TestSupport.assertContainsAll(e.getMessage(), missing.toString(), "no such file");

        TestSupport.assertContainsAll(fails("headeronly.csv", "m_q_GeV,condensate_GeV3,label\n", qcd).getMessage(),
                tmp.resolve("headeronly.csv").toString(), "no data rows");
        TestSupport.assertContainsAll(fails("nothing.csv", "# nothing here\n\n", qcd).getMessage(), "no header row");
        TestSupport.assertContainsAll(fails("onlypos.csv", "m_q_GeV,condensate_GeV3,label\n0.001,0.01,0\n0.002,0.02,0\n", qcd)
                .getMessage(), "both labels");

        Path latin1 = tmp.resolve("latin1.csv");
        Files.write(latin1, "m_q_GeV,condensate_GeV3,label\n0.001,0.01,0 \u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        TestSupport.assertContainsAll(assertThrows(DataFormatException.class, () -> load(latin1, qcd)).getMessage(),
                latin1.toString(), "UTF-8");
    }

    @Test
    void csvConfigTrainsFromTheFile() throws Exception {
        Experiment q = TestSupport.build(TestSupport.qcdConfig(), "data.positives=200", "data.negatives=200");
        Path data = write("train.csv", q.data().toCsv());
        Path config = tmp.resolve("csv.json");
        Files.writeString(config, "{\"name\": \"from-csv\", \"data\": {\"source\": \"csv\", \"file\": \"train.csv\"},"
                + " \"training\": {\"epochs\": 1, \"batchSize\": 50}}");
        ConfigLoader.Loaded l = ConfigLoader.load(config, List.of());
        Experiment e = Experiment.build(l.config(), l.baseDir());
        assertTrue(TestSupport.sameData(q.data(), e.data()));
        assertEquals(List.of(data), e.inputFiles());
    }

    @Test
    void bandDatasetProblemsNameTheFile() throws Exception {
        Path neg = write("negative.csv", "m_q_GeV,condensate_GeV3\n0.001,0.01\n0.002,-0.02\n0.004,0.03\n0.008,0.06\n");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> TestSupport.build(TestSupport.qcdConfig(), "data.dataset=" + neg, "data.positives=10", "data.negatives=10"));
        assertNamesLine(e, neg, 3, "condensate_GeV3", "negative");

        Path three = write("three.csv", "m_q_GeV,condensate_GeV3\n0.001,0.01\n0.002,0.02\n0.004,0.03\n");
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> TestSupport.build(TestSupport.qcdConfig(), "data.dataset=" + three, "data.positives=10", "data.negatives=10"));
        TestSupport.assertContainsAll(few.getMessage(), three.toString(), "at least 4 points");
    }
}
