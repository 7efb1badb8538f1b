package org.holo.core.observable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * The quark–antiquark potential of the exact metrics against the published numbers, to ≤ 1 %.
 * Units: r in L, V in L/(2πα′) (= 1/(2πα′) with L = 1), T in 1/L.
 */
class PublishedPotentialTest {

    /**
     * J. Maldacena, "Wilson loops in large N field theories", Phys. Rev. Lett. 80, 4859 (1998), hep-th/9803002:
     * V = −4π² √(2g²_YM N) / (Γ(1/4)⁴ r) with √(2g²_YM N) = R²/α′. In units of 1/(2πα′) with R = L = 1 the
     * coefficient is c = 4π² · 2π / Γ(1/4)⁴ = 8π³/Γ(1/4)⁴ ≈ 1.43554.
     */
    static final double MALDACENA_C = 8.0 * StrictMath.pow(StrictMath.PI, 3) / StrictMath.pow(Gamma.gamma(0.25), 4);

    /**
     * The longest connected string in AdS₅-Schwarzschild, r_max = 0.870/(πT): Rey, Theisen, Yee, Nucl. Phys. B527,
     * 171 (1998), hep-th/9803135 and Brandhuber, Itzhaki, Sonnenschein, Yankielowicz, JHEP 9806:001 (1998),
     * hep-th/9803263 (no connected string beyond a maximal length); the number as quoted by Albacete, Kovchegov,
     * Taliotis, "Heavy quark potential at finite temperature using the holographic correspondence",
     * arXiv:0807.4747 (r_c = 0.870/πT).
     */
    static final double R_MAX_T = 0.870 / StrictMath.PI;

    /**
     * Where the connected energy crosses that of the two straight strings (the screening length of RTY and BISY):
     * r_* = 0.240/T, Bak, Karch, Yaffe, "Debye screening in strongly coupled N = 4 supersymmetric Yang-Mills plasma",
     * JHEP 0708:049 (2007), arXiv:0705.0994.
     */
    static final double R_SCREEN_T = 0.240;

    @Test
    void pureAds5ReproducesMaldacenasCoulombCoefficient() {
        QuarkPotential.Result r = QuarkPotential.compute(ExactGeometries.ads(4));
        System.out.printf("AdS5: c = %.12f, Maldacena 8 pi^3/Gamma(1/4)^4 = %.12f%n", r.coulomb(), MALDACENA_C);
        assertEquals(1.43554, MALDACENA_C, 1e-5);
        assertEquals(MALDACENA_C, r.coulomb(), 0.01 * MALDACENA_C);
        assertEquals(MALDACENA_C, r.coulomb(), 1e-9, "the quadrature is far better than the 1 % asked for");
        assertEquals(0.0, r.uvConstant(), 1e-9, "conformal: V = -c/r exactly");
        // V = −c/r at every sampled separation, not only in the UV
        for (QuarkPotential.Point p : r.branches().get(0).points()) {
            assertEquals(-MALDACENA_C, p.r() * p.v(), 1e-9, "r V at tip " + p.tip());
        }
        assertFalse(r.confining());
        assertTrue(Double.isNaN(r.rMax()), "r is unbounded");
        assertEquals("unbounded", r.rMaxKind());
        assertTrue(Double.isNaN(r.rScreen()), "never screened");
        assertTrue(Double.isNaN(r.temperature()));
    }

    @Test
    void adsSchwarzschild5ReproducesTheMaximalAndScreeningLengths() {
        QuarkPotential.Result r = QuarkPotential.compute(ExactGeometries.adsSchwarzschild(4));
        double t = r.temperature();
        assertEquals(1.0 / StrictMath.PI, t, 1e-15, "T = d r_h/(4 pi) = 1/pi for d = 4, r_h = 1");
        double rMaxT = r.rMax() * t;
        double rScreenT = r.rScreen() * t;
        System.out.printf("AdS5-Schwarzschild: r_max T = %.6f (published %.6f, %+.3f %%), r_screen T = %.6f (published %.3f, %+.3f %%)%n",
                rMaxT, R_MAX_T, 100 * (rMaxT / R_MAX_T - 1), rScreenT, R_SCREEN_T, 100 * (rScreenT / R_SCREEN_T - 1));
        assertEquals("turning-point", r.rMaxKind());
        assertEquals(R_MAX_T, rMaxT, 0.01 * R_MAX_T);
        assertEquals(R_SCREEN_T, rScreenT, 0.01 * R_SCREEN_T);
        assertTrue(r.rScreen() < r.rMax(), "screening sets in before the connected string ceases to exist");
        assertEquals(MALDACENA_C, r.coulomb(), 1e-6, "short distances do not feel the temperature");
        assertFalse(r.confining());
        assertEquals(1, r.branches().size());
        assertEquals(QuarkPotential.End.HORIZON, r.branches().get(0).bottomEnd());
        // the minimum: connected below r_screen, screened (V = 0, branch −1) beyond
        for (QuarkPotential.MinimumPoint p : r.minimum()) {
            if (p.r() < 0.99 * r.rScreen()) {
                assertEquals(0, p.branch(), "connected at r = " + p.r());
                assertTrue(p.v() < 0.0);
            } else if (p.r() > 1.01 * r.rScreen()) {
                assertEquals(-1, p.branch(), "screened at r = " + p.r());
                assertEquals(0.0, p.v());
            }
        }
    }

    @Test
    void screeningLengthIsAConvergedQuantity() {
        QuarkPotential.Result coarse = QuarkPotential.compute(ExactGeometries.adsSchwarzschild(4), new QuarkPotential.Options(80, 8, 100));
        QuarkPotential.Result fine = QuarkPotential.compute(ExactGeometries.adsSchwarzschild(4), new QuarkPotential.Options(320, 24, 100));
        assertEquals(fine.rScreen(), coarse.rScreen(), 1e-9);
        assertEquals(fine.rMax(), coarse.rMax(), 1e-9);
    }
}
