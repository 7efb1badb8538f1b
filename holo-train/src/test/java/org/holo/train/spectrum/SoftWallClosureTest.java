package org.holo.train.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.holo.core.spectrum.MesonModel;
import org.holo.train.TestSupport;
import org.junit.jupiter.api.Test;

/**
 * The closure test of experiments/soft-wall-closure.json on a coarser grid (N = 200, still below 0.1 % in mass):
 * trained from pure AdS on the exact soft-wall masses n = 0 … 3, S = 1, 2, the learned geometry must come back to
 * a = 0 and Φ = κ²z² where the states live, and predict the held-out n = 4 levels, and spin 3 which it never saw.
 */
class SoftWallClosureTest {

    private static final double KAPPA = 0.5;

    @Test
    void theLearnedGeometryIsTheSoftWall() throws Exception {
        Path file = TestSupport.projectRoot().resolve("experiments").resolve("soft-wall-closure.json");
        SpectralConfig config = SpectralConfigs.load(file, List.of("model.points=200")).config();
        SpectralExperiment e = SpectralExperiment.build(config);
        SpectralRun.Outcome o = SpectralRun.train(e, null);
        assertTrue(o.dataLoss() < 0.01, "chi2/N of the training masses: " + o.dataLoss());
        for (SpectralOutputs.Row r : SpectralOutputs.rows(e, o.params())) {
            double rel = Math.abs(r.model() - r.state().mass()) / r.state().mass();
            assertTrue(rel < (r.role().equals("train") ? 0.002 : 0.01), r.state().name() + ": relative error " + rel);
        }
        MesonModel m = e.model();
        double[] p = o.params();
        // where the levels live (their wave functions extend to z ≈ 2√(n+S)/κ ≈ 10 GeV⁻¹)
        for (double z = 1.0; z <= 8.0; z += 0.5) {
            double phi = KAPPA * KAPPA * z * z;
            assertEquals(phi, m.dilatonField(p, z, 0), 0.02 * phi + 0.01, "Φ at z = " + z);
            assertEquals(-Math.log(z), m.warpFactor(p, z, 0), 0.05, "A at z = " + z);
        }
        // spin 3 was never trained on: A and Φ separately right give its tower too
        MesonModel.Tower t = m.tower(p, 3, 3);
        for (int n = 0; n < 3; n++) {
            double exact = 2 * KAPPA * Math.sqrt(n + 3);
            assertEquals(exact, t.mass(n), 0.01 * exact, "S=3 n=" + n);
        }
    }
}
