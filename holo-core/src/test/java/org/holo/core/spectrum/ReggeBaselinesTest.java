package org.holo.core.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReggeBaselinesTest {

    private static MesonState state(int spin, int n, double mass) {
        return new MesonState("s", spin, n, mass, 0.01, 0.0, "", 0);
    }

    @Test
    void exactSpectraAreRecovered() {
        double kappa = 0.45;
        List<MesonState> wall = List.of(state(1, 0, 2 * kappa), state(1, 1, 2 * kappa * Math.sqrt(2)), state(2, 0, 2 * kappa * Math.sqrt(2)));
        assertEquals(kappa, ReggeBaselines.softWallKappa(wall), 1e-14);
        // m² = 1.2 n + 0.9 S − 0.3
        List<MesonState> regge = List.of(state(1, 0, Math.sqrt(0.6)), state(1, 1, Math.sqrt(1.8)), state(2, 0, Math.sqrt(1.5)),
                state(2, 1, Math.sqrt(2.7)));
        double[] abc = ReggeBaselines.linear(regge);
        assertEquals(1.2, abc[0], 1e-12);
        assertEquals(0.9, abc[1], 1e-12);
        assertEquals(-0.3, abc[2], 1e-12);
        assertEquals(Math.sqrt(3.0), ReggeBaselines.linearMass(abc, 1, 2), 1e-12);
    }

    @Test
    void theFourTrainingMassesOfTheMesonExperiment() {
        // rho(770), rho(1450), a2(1320), a2(1700): least squares in m² by hand (numpy): κ = 0.48734, a, b, c = 1.35899, 0.95042, −0.25629
        List<MesonState> s = List.of(state(1, 0, 0.77526), state(1, 1, 1.465), state(2, 0, 1.3182), state(2, 1, 1.706));
        assertEquals(0.487341, ReggeBaselines.softWallKappa(s), 1e-6);
        double[] abc = ReggeBaselines.linear(s);
        assertEquals(1.358991, abc[0], 1e-6);
        assertEquals(0.950417, abc[1], 1e-6);
        assertEquals(-0.256286, abc[2], 1e-6);
    }

    @Test
    void allFiveEstablishedStatesGiveTheReferenceFits() {
        // the reference notes' fits to the five PDG masses: κ = 0.490 GeV; a, b, c = 1.18, 1.01, −0.29 GeV²
        List<MesonState> s = List.of(state(1, 0, 0.77526), state(1, 1, 1.465), state(1, 2, 1.720), state(2, 0, 1.3182),
                state(2, 1, 1.706));
        assertEquals(0.490, ReggeBaselines.softWallKappa(s), 5e-4);
        double[] abc = ReggeBaselines.linear(s);
        assertEquals(1.18, abc[0], 5e-3);
        assertEquals(1.01, abc[1], 5e-3);
        assertEquals(-0.29, abc[2], 5e-3);
    }

    @Test
    void aSingleSpinDoesNotFixTheReggeFit() {
        assertNull(ReggeBaselines.linear(List.of(state(1, 0, 0.8), state(1, 1, 1.4), state(1, 2, 1.7))));
    }
}
