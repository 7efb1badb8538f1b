package org.holo.train.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.holo.core.data.LabelledData;
import org.holo.core.model.Batch;
import org.holo.train.Experiment;
import org.holo.train.TestSupport;
import org.junit.jupiter.api.Test;

/** The profile over the whole data: the batched procedure agrees with one pass, is repeatable, and δh = 0.1/√G. */
class SensitivityProfileTest {

    @Test
    void batchedProfileIsTheWholeDataAverage() throws Exception {
        // 2 × 1250 points: two full batches of 1000 and one of 500
        Experiment e = TestSupport.build(TestSupport.qcdConfig(), "data.positives=1250", "data.negatives=1250");
        double[] params = e.initialParams();
        LabelledData d = e.data();
        Batch all = Batch.of(TestSupport.column(d, 0), TestSupport.column(d, 1), TestSupport.column(d, 2));
        double[] oneBatch = e.objective().layerSensitivity(params, all, e.objective().newWorkspace(d.size()));
        double[] g = SensitivityProfile.of(e.objective(), params, d);
        assertEquals(15, g.length);
        for (int i = 0; i < g.length; i++) {
            assertTrue(g[i] > 0, "layer " + i + ": " + g[i]);
            assertEquals(oneBatch[i], g[i], 1e-12 * oneBatch[i], "layer " + i);
        }
        assertArrayEquals(g, SensitivityProfile.of(e.objective(), params, d), 0.0, "the fixed procedure is repeatable");
    }

    @Test
    void resolutionIsATenthOverRootSensitivity() {
        double[] r = SensitivityProfile.resolution(new double[] {4.0, 0.01, 0.0, Double.NaN});
        assertEquals(0.05, r[0], 0.0);
        assertEquals(1.0, r[1], 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, r[2], "unconstrained: infinite, not a large finite number");
        assertTrue(Double.isNaN(r[3]));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> SensitivityProfile.resolution(new double[] {1.0, -1e-3}));
        TestSupport.assertContainsAll(ex.getMessage(), "sensitivity[1]", "negative");
    }

    @Test
    void noDataIsAClearError() throws Exception {
        Experiment e = TestSupport.build(TestSupport.adsConfig(), "data.positives=10", "data.negatives=10");
        LabelledData empty = new LabelledData(List.of("phi", "pi"), new double[0], new double[0], new double[0]);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> SensitivityProfile.of(e.objective(), e.initialParams(), empty));
        TestSupport.assertContainsAll(ex.getMessage(), "no training data");
    }
}
