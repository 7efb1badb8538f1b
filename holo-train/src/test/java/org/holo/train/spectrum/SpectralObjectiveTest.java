package org.holo.train.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.holo.core.data.DataFormatException;
import org.holo.core.model.Batch;
import org.holo.core.model.Objective;
import org.holo.train.TestSupport;
import org.holo.train.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpectralObjectiveTest {

    @TempDir
    Path tmp;

    private static SpectralExperiment mesons(String... overrides) throws Exception {
        Path file = TestSupport.projectRoot().resolve("experiments").resolve("ahs2020-mesons.json");
        return SpectralExperiment.build(SpectralConfigs.load(file, List.of(overrides)).config());
    }

    @Test
    void lossGradientMatchesCentralDifferences() throws Exception {
        SpectralExperiment e = mesons("model.points=150", "training.smoothness=0.01");
        SpectralObjective objective = e.objective();
        int n = e.data().size();
        double[] spin = new double[n];
        double[] level = new double[n];
        double[] mass = new double[n];
        for (int i = 0; i < n; i++) {
            spin[i] = e.data().x0(i);
            level[i] = e.data().x1(i);
            mass[i] = e.data().label(i);
        }
        Batch batch = Batch.of(spin, level, mass);
        double[] p = {0.5, -1.0, 0.3, 0.2, -3.0, 60.0, -5.0, 2.0};
        double[] g = new double[p.length];
        objective.evaluate(p, batch, g, new Objective.Value(), true);
        for (int k = 0; k < p.length; k++) {
            double h = 1e-5 * Math.max(1.0, Math.abs(p[k]));
            double[] up = p.clone();
            double[] down = p.clone();
            up[k] += h;
            down[k] -= h;
            double fd = (objective.evaluate(up, batch, new double[p.length], new Objective.Value(), true)
                    - objective.evaluate(down, batch, new double[p.length], new Objective.Value(), true)) / (2 * h);
            assertEquals(fd, g[k], 1e-6 * Math.max(Math.abs(fd), 1e-3), "parameter " + k);
        }
    }

    @Test
    void theTrainingStatesAndTheFloorAreThoseOfTheConfig() throws Exception {
        SpectralExperiment e = mesons();
        assertEquals(List.of("rho(770)", "rho(1450)", "a2(1320)", "a2(1700)"), e.trained().stream().map(s -> s.name()).toList());
        assertEquals(List.of("rho(1700)"), e.heldOut().stream().map(s -> s.name()).toList());
        // σ_eff = max(σ, 0.1 Γ): 14.78 MeV for ρ(770) (σ = 0.25 MeV), 40 MeV for ρ(1450) (σ = 25 MeV)
        assertEquals(0.01478, e.objective().sigma(1, 0), 1e-12);
        assertEquals(0.040, e.objective().sigma(1, 1), 1e-12);
    }

    @Test
    void anUnknownStateIsNamedByItsField() {
        ConfigException x = assertThrows(ConfigException.class, () -> mesons("data.train=[\"rho(770)\",\"rho(999)\"]"));
        assertTrue(x.getMessage().contains("data.train[1]: no state rho(999)"), x.getMessage());
    }

    @Test
    void badConfigFieldsAreNamedByTheirPath() {
        mentions("model.warp.degre=3", "model.warp.degre (from --set model.warp.degre=3): unknown field");
        mentions("model.dilaton.lowestPower=0", "model.dilaton.lowestPower (from --set", "must be at least 1");
        mentions("data.source=lattice", "data.source (from --set", "unknown value 'lattice' (expected one of pdg, soft-wall)");
        mentions("data.kappa_GeV=0.5", "data.kappa_GeV (from --set data.kappa_GeV=0.5): unknown field");
        mentions("training.decayEpochs=7000", "training.decayEpochs (from --set", "must lie in 0 … training.epochs (6000)");
    }

    @Test
    void aClosureWallTooCloseForItsLevelsIsRejected() {
        Path file = TestSupport.projectRoot().resolve("experiments").resolve("soft-wall-closure.json");
        // the shipped closure passes: κ = 0.5 GeV, n + S ≤ 6 needs z_max ≥ 14.8 GeV⁻¹
        SpectralConfigs.load(file, List.of());
        String m = assertThrows(ConfigException.class, () -> SpectralConfigs.load(file, List.of("data.kappa_GeV=0.3"))).getMessage();
        assertTrue(m.contains("model.zMax_GeV_inv: 15.0 GeV^-1 is too close for kappa = 0.3 GeV and levels up to n+S = 6"), m);
        SpectralConfigs.load(file, List.of("data.kappa_GeV=0.3", "model.zMax_GeV_inv=25"));
    }

    private static void mentions(String override, String... parts) {
        Path file = TestSupport.projectRoot().resolve("experiments").resolve("ahs2020-mesons.json");
        String m = assertThrows(ConfigException.class, () -> SpectralConfigs.load(file, List.of(override))).getMessage();
        for (String part : parts) {
            assertTrue(m.contains(part), "'" + part + "' in: " + m);
        }
        assertTrue(!m.contains("\n"), "one line: " + m);
    }

    @Test
    void badDataNameFileLineAndField() throws Exception {
        Path csv = tmp.resolve("m.csv");
        Files.writeString(csv, "state,spin,n,mass_MeV,mass_uncertainty_MeV,width_MeV,status\n"
                + "rho(770),1,0,775.26,0.25,147.8,established\nrho(1450),1,1,1465,,400,established\n");
        DataFormatException x = assertThrows(DataFormatException.class, () -> mesons("data.file=" + csv, "data.train=[]"));
        assertEquals(csv + ":3: mass_uncertainty_MeV: missing (every state needs one)", x.getMessage());
    }
}
