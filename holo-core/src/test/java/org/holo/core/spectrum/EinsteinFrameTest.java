package org.holo.core.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EinsteinFrameTest {

    @Test
    void adsIsAnEinsteinDilatonSolutionWithVEqualTwelve() {
        MesonModel m = SoftWallSpectrumTest.softWall(15.0, 10);
        EinsteinFrame e = new EinsteinFrame(m, new double[4]);
        for (double z : new double[] {0.1, 1.0, 7.0}) {
            EinsteinFrame.Point p = e.at(z);
            assertEquals(0.0, p.residual(), 1e-12 / (z * z));
            assertEquals(12.0, p.potentialKinetic(), 1e-12);
            assertEquals(12.0, p.potentialCurvature(), 1e-12);
            assertEquals(-Math.log(z), p.warpE(), 1e-15);
        }
    }

    @Test
    void softWallMissesTheEinsteinEquationByFourKappaSquared() {
        double kappa = 0.5;
        MesonModel m = SoftWallSpectrumTest.softWall(15.0, 10);
        EinsteinFrame e = new EinsteinFrame(m, SoftWallSpectrumTest.softWallParams(kappa, 15.0));
        for (double z : new double[] {0.3, 2.0, 6.0}) {
            EinsteinFrame.Point p = e.at(z);
            assertEquals(4 * kappa * kappa, p.residual(), 1e-12 * (1 + 1 / (z * z)));
            assertEquals(kappa * kappa * z * z, p.dilaton(), 1e-12);
            assertEquals(-Math.log(z) - 2.0 / 3.0 * kappa * kappa * z * z, p.warpE(), 1e-12);
            // the two forms of V differ by 3 e^{−2A_E} R: they agree only on solutions
            double gap = 3 * Math.exp(-2 * p.warpE()) * p.residual();
            assertEquals(gap, p.potentialKinetic() - p.potentialCurvature(), 1e-9 * Math.abs(p.potentialKinetic()));
        }
    }
}
