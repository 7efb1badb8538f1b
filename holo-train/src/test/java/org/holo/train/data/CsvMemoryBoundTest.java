package org.holo.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.holo.core.data.LabelledData;
import org.holo.core.model.HolographicNetwork;
import org.holo.train.Experiment;
import org.holo.train.TestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading labelled CSV data allocates at most 3× the file's numbers as doubles plus a fixed amount, measured as
 * the bytes the reading thread allocates (garbage included, so it bounds the peak too). An object per row (a
 * double[] or boxed values per row, a String per line or field) or the file's text held whole would exceed it.
 */
class CsvMemoryBoundTest {

    /** Just under four 65 536-row chunks: the reader's storage is nearly full, its worst case per row. */
    private static final int ROWS = 4 * 65_536 - 1_000;
    private static final long FIXED = 1L << 20;

    @TempDir
    Path tmp;

    private static Path write(Path file, int rows, long seed) throws IOException {
        Random r = new Random(seed);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("m_q_GeV,condensate_GeV3,label\n");
            for (int i = 0; i < rows; i++) {
                // shortest round-trip doubles, as holo generate writes them (17 significant digits mostly)
                w.write(Double.toString(0.022 * r.nextDouble()) + "," + (0.11 * r.nextDouble()) + "," + (i % 2) + "\n");
            }
        }
        return file;
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void readingAllocatesAtMostThreeTimesTheNumbersAsDoubles() throws Exception {
        HolographicNetwork qcd = Experiment.network(TestSupport.load(TestSupport.qcdConfig()).config().model);
        DataSources.readCsvData(write(tmp.resolve("warm-up.csv"), 2_000, 1), qcd); // classes and tables, once
        Path file = write(tmp.resolve("data.csv"), ROWS, 2);

        long before = allocatedBytes();
        LabelledData data = DataSources.readCsvData(file, qcd);
        long allocated = allocatedBytes() - before;

        assertEquals(ROWS, data.size());
        long numbers = 3L * 8 * ROWS;
        assertTrue(allocated <= 3 * numbers + FIXED, String.format("reading %d rows allocated %.1f bytes per row,"
                + " more than 3 x %d bytes of doubles per row (+ %d bytes)", ROWS, (double) allocated / ROWS, 24, FIXED));
    }
}
