package org.holo.train.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.holo.core.data.LabelledData;
import org.junit.jupiter.api.Test;

/** The training-data hash, computed piecewise, is the SHA-256 of the whole CSV text, as before. */
class DataHashTest {

    private static LabelledData data(List<String> columns, int n, long seed) {
        Random r = new Random(seed);
        double[] x0 = new double[n];
        double[] x1 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = i % 97 == 0 ? -0.0 : r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
            x1[i] = i % 89 == 0 ? Double.MIN_VALUE : r.nextDouble();
            y[i] = i % 2;
        }
        return new LabelledData(columns, x0, x1, y);
    }

    @Test
    void theHashAndTheStreamedTextAreThoseOfTheWholeText() throws Exception {
        for (List<String> columns : List.of(List.of("phi", "pi"), List.of("m_q_GeV", "kondensat_µ"))) {
            LabelledData d = data(columns, 20_000, 5); // about 800 kB: many pieces
            byte[] whole = d.toCsv().getBytes(StandardCharsets.UTF_8);
            assertEquals(Provenance.sha256(whole), Provenance.dataSha256(d));
            ByteArrayOutputStream streamed = new ByteArrayOutputStream();
            d.writeCsv(streamed);
            assertArrayEquals(whole, streamed.toByteArray());
        }
    }
}
