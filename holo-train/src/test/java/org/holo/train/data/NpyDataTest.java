package org.holo.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.holo.core.data.DataFormatException;
import org.holo.core.data.LabelledData;
import org.holo.core.model.HolographicNetwork;
import org.holo.train.Experiment;
import org.holo.train.TestSupport;
import org.holo.train.run.RunDirectory;
import org.holo.train.run.TrainingRun;
import org.holo.train.config.ConfigLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training data from NumPy .npy (data.source csv, file *.npy): the same numbers as CSV, the same checks. */
class NpyDataTest {

    private static HolographicNetwork qcd;
    private static LabelledData sample;

    @TempDir
    Path tmp;

    @BeforeAll
    static void data() throws Exception {
        ConfigLoader.Loaded l = TestSupport.load(TestSupport.qcdConfig(), "data.positives=300", "data.negatives=320");
        Experiment e = Experiment.build(l.config(), l.baseDir());
        qcd = e.network();
        sample = e.data();
    }

    private Path npy(String name, LabelledData d) throws Exception {
        Path f = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(f)) {
            d.writeNpy(out);
        }
        return f;
    }

    /** A .npy file with the given header dictionary and rows of doubles. */
    private Path npy(String name, String dict, double[]... rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String header = dict + " ".repeat(63 - (10 + dict.length()) % 64) + "\n";
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), (byte) (header.length() >>> 8)});
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        for (double[] row : rows) {
            ByteBuffer b = ByteBuffer.allocate(8 * row.length).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : row) {
                b.putDouble(v);
            }
            out.write(b.array());
        }
        return Files.write(tmp.resolve(name), out.toByteArray());
    }

    private static String dict(int rows, int cols) {
        return "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
    }

    @Test
    void theSameNumbersAsFromCsvAndTheSameTraining() throws Exception {
        Path f = npy("train.npy", sample);
        assertTrue(Files.readAllBytes(f).length % 64 == (sample.size() * 24) % 64, "header padded to 64 bytes");
        LabelledData back = DataSources.readCsvData(f, qcd);
        assertTrue(TestSupport.sameData(sample, back));

        Path csv = Files.writeString(tmp.resolve("train.csv"), sample.toCsv());
        String[] common = {"training.epochs=2", "training.batchSize=50"};
        Path a = tmp.resolve("from-csv");
        Path b = tmp.resolve("from-npy");
        for (Path[] run : new Path[][] {{csv, a}, {f, b}}) {
            ConfigLoader.Loaded l = TestSupport.load(TestSupport.qcdConfig(), common[0], common[1],
                    "data={\"source\": \"csv\", \"file\": \"" + run[0] + "\"}");
            TrainingRun.execute(l.config(), l.baseDir(), run[1], null);
        }
        for (String file : List.of(RunDirectory.METRIC, RunDirectory.METRICS)) {
            assertEquals(Files.readString(a.resolve(file)), Files.readString(b.resolve(file)), file);
        }
    }

    @Test
    void rowsUpToALimitCountWithoutReadingLargeFilesWhole() throws Exception {
        Path f = npy("rows.npy", sample);
        Path csv = Files.writeString(tmp.resolve("rows.csv"), "# comment\n\n" + sample.toCsv().replace("\n0.0", "\n  \n0.0"));
        for (Path p : List.of(f, csv)) {
            assertEquals(sample.size(), DataSources.rowsUpTo(p, qcd, 100_000), p.toString());
            assertEquals(sample.size(), DataSources.rowsUpTo(p, qcd, sample.size() + 1), p.toString());
            assertEquals(sample.size(), DataSources.rowsUpTo(p, qcd, sample.size()), p.toString());
            assertEquals(7, DataSources.rowsUpTo(p, qcd, 7), p.toString());
        }
        // below the limit the file is read and checked in full
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "m_q_GeV,condensate_GeV3,label\n0.01,0.05,0\n0.01,0.05,0\n");
        says(assertThrows(DataFormatException.class, () -> DataSources.rowsUpTo(bad, qcd, 10)), "duplicated row");
        assertEquals(2, DataSources.rowsUpTo(bad, qcd, 2));
    }

    private DataFormatException fails(Path f) {
        return assertThrows(DataFormatException.class, () -> DataSources.readCsvData(f, qcd));
    }

    private static void says(DataFormatException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' should mention '" + p + "'");
        }
    }

    @Test
    void badFilesAreOneLineErrorsNamingTheRow() throws Exception {
        double[] a = {0.01, 0.05, 0};
        double[] b = {0.02, 0.06, 1};
        Path nan = npy("nan.npy", dict(3, 3), a, b, new double[] {0.03, Double.NaN, 0});
        says(fails(nan), nan + ":3:", "condensate_GeV3", "NaN", "not a finite number");
        Path dup = npy("dup.npy", dict(3, 3), a, b, new double[] {0.01, 0.05, -0.0});
        says(fails(dup), dup + ":3:", "duplicated row", "same values as row 1");
        Path label = npy("label.npy", dict(2, 3), a, new double[] {0.02, 0.06, 2});
        says(fails(label), label + ":2:", "label must be 0");
        Path negative = npy("negative.npy", dict(2, 3), a, new double[] {-0.02, 0.06, 1});
        says(fails(negative), negative + ":2:", "must not be negative");
        Path oneClass = npy("one-class.npy", dict(2, 3), a, new double[] {0.02, 0.06, 0});
        says(fails(oneClass), "both labels");
        says(fails(npy("f4.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3), }")), "'<f4'", "float64");
        says(fails(npy("fortran.npy", "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }", a, b)), "fortran_order");
        says(fails(npy("two-columns.npy", dict(2, 2), new double[] {1, 2}, new double[] {3, 4})), "shape", "m_q_GeV,condensate_GeV3,label");
        says(fails(npy("truncated.npy", dict(3, 3), a, b)), "3 rows", "bytes follow");
        says(fails(npy("padded.npy", dict(1, 3), a, b)), "1 rows", "bytes follow");
        says(fails(npy("huge-shape.npy", dict(Integer.MAX_VALUE, 3), a)), "more than a table can hold");
        says(fails(Files.writeString(tmp.resolve("text.npy"), "m_q_GeV,condensate_GeV3,label\n1,2,0\n")), "not a NumPy .npy file");
        says(fails(Files.write(tmp.resolve("empty.npy"), new byte[0])), "empty");
        says(fails(tmp.resolve("missing.npy")), "no such file");
        Files.createDirectories(tmp.resolve("dir.npy"));
        says(fails(tmp.resolve("dir.npy")), "is a directory");
    }
}
