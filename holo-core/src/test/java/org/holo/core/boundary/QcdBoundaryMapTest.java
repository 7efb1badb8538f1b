package org.holo.core.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.holo.core.GradientCheck;
import org.junit.jupiter.api.Test;

/**
 * The QCD input layer against physics.md §3, with every formula written out again here, independently of the
 * implementation: α, β, φ(η_ini), and π(η_ini) = dφ/dη of that φ(η) (checked by numerical differentiation).
 */
class QcdBoundaryMapTest {

    static final int NC = 3;

    /** (m_q GeV, σ GeV³, L GeV⁻¹, λ): QCD-like points, and a large-α point where the λα³ terms are O(1). */
    static final List<double[]> POINTS = List.of(
            new double[] {0.0, 0.05, 0.8, 0.2},
            new double[] {0.022, 0.0, 2.0, 0.2},
            new double[] {0.011, 0.11, 3.85, 0.0055},
            new double[] {0.015, 0.07, 1.3, 0.2},
            new double[] {0.9, 0.01, 4.0, 0.5});

    static double alpha(double mq, double radius) {
        return Math.sqrt(NC) * radius * mq / (2.0 * Math.PI);
    }

    static double beta(double sigma, double radius) {
        return Math.PI * Math.pow(radius, 3) * sigma / Math.sqrt(NC);
    }

    /** §3: φ(η) = α e^{−η} + β e^{−3η} − ½ λ α³ η e^{−3η}. */
    static double phi(double eta, double a, double b, double lambda) {
        return a * Math.exp(-eta) + b * Math.exp(-3 * eta) - 0.5 * lambda * a * a * a * eta * Math.exp(-3 * eta);
    }

    /** Five-point derivative in η of a function of η. */
    static double derivative(java.util.function.DoubleUnaryOperator f, double eta, double h) {
        return (8 * (f.applyAsDouble(eta + h) - f.applyAsDouble(eta - h)) - (f.applyAsDouble(eta + 2 * h)
                - f.applyAsDouble(eta - 2 * h))) / (12 * h);
    }

    @Test
    void alphaAndBetaFollowPhysicsMd() {
        QcdBoundaryMap map = new QcdBoundaryMap(1.0, NC);
        for (double[] pt : POINTS) {
            assertEquals(alpha(pt[0], pt[2]), map.alpha(pt[0], pt[2]), 1e-15 * Math.abs(alpha(pt[0], pt[2])));
            assertEquals(beta(pt[1], pt[2]), map.beta(pt[1], pt[2]), 1e-15 * Math.abs(beta(pt[1], pt[2])));
        }
        // N_c enters as √N_c: N_c = 12 halves α... relative to N_c = 3, doubles it; β the reverse
        QcdBoundaryMap twelve = new QcdBoundaryMap(1.0, 12);
        assertEquals(2.0 * map.alpha(0.01, 2.0), twelve.alpha(0.01, 2.0), 1e-17);
        assertEquals(0.5 * map.beta(0.1, 2.0), twelve.beta(0.1, 2.0), 1e-15);
    }

    @Test
    void phiIsTheBoundaryExpansionAndPiIsItsEtaDerivative() {
        for (double etaIni : new double[] {0.5, 1.0, 2.0, 3.0}) {
            QcdBoundaryMap map = new QcdBoundaryMap(etaIni, NC);
            for (double[] pt : POINTS) {
                double a = alpha(pt[0], pt[2]);
                double b = beta(pt[1], pt[2]);
                double lambda = pt[3];
                double[] out = new double[2];
                map.forward(pt[0], pt[1], pt[2], lambda, out);

                double phiExpected = phi(etaIni, a, b, lambda);
                double scale = Math.abs(a) * Math.exp(-etaIni) + Math.abs(b) * Math.exp(-3 * etaIni);
                assertEquals(phiExpected, out[0], 1e-14 * scale, "phi at eta " + etaIni);

                // π must be the η-derivative of φ(η) at fixed α, β, λ (5-point FD, error ~1e-12 relative)
                double dPhi = derivative(eta -> phi(eta, a, b, lambda), etaIni, 1e-3);
                assertEquals(dPhi, out[1], 1e-10 * scale, "pi at eta " + etaIni + " for " + java.util.Arrays.toString(pt));
            }
        }
    }

    /** The λα³ part of π is not negligible at the large-α point, so the derivative check above does test it. */
    @Test
    void quarticTermMattersAtLargeAlpha() {
        double[] pt = POINTS.get(POINTS.size() - 1);
        double a = alpha(pt[0], pt[2]);
        double[] with = new double[2];
        double[] without = new double[2];
        QcdBoundaryMap map = new QcdBoundaryMap(1.0, NC);
        map.forward(pt[0], pt[1], pt[2], pt[3], with);
        map.forward(pt[0], pt[1], pt[2], 0.0, without);
        assertTrue(Math.abs(with[1] - without[1]) > 1e-3 * Math.abs(with[1]), "alpha = " + a);
    }

    /**
     * The expansion solves the pure-AdS₅ equation of motion (h = 4, m² = −3) asymptotically. With
     * φ = α e^{−η} + B(η) e^{−3η}, B = β − ½λα³η, the linear operator φ'' + 4φ' + 3φ annihilates e^{−η} and
     * e^{−3η} and maps −½λα³ η e^{−3η} to +λα³ e^{−3η}, which cancels the leading λα³ e^{−3η} of λφ³. So the
     * residual R = π' + 4π + 3φ − λφ³ is exactly −λ(φ³ − α³ e^{−3η}) = −3λα²B e^{−5η} (1 + O(e^{−2η})): O(η e^{−5η}).
     * π' is taken by numerical differentiation of the map's own π(η_ini) over η_ini.
     */
    @Test
    void expansionSolvesTheAdsEquationOfMotionUpToOrderExpMinus5Eta() {
        double mq = 0.9;
        double sigma = 0.01;
        double radius = 4.0;
        double lambda = 0.5;
        double a = alpha(mq, radius);
        double b = beta(sigma, radius);
        double[] out = new double[2];
        double previousRatioError = Double.POSITIVE_INFINITY;
        for (double eta : new double[] {1.0, 2.0, 3.0, 4.0}) {
            java.util.function.DoubleUnaryOperator piOf = e -> {
                double[] o = new double[2];
                new QcdBoundaryMap(e, NC).forward(mq, sigma, radius, lambda, o);
                return o[1];
            };
            new QcdBoundaryMap(eta, NC).forward(mq, sigma, radius, lambda, out);
            double p = out[0];
            double q = out[1];
            double residual = derivative(piOf, eta, 1e-3) + 4 * q + 3 * p - lambda * p * p * p;

            double exact = -lambda * (p * p * p - a * a * a * Math.exp(-3 * eta));
            double scale = Math.abs(a) * Math.exp(-eta);
            assertEquals(exact, residual, 1e-10 * scale, "residual at eta " + eta);

            double bigB = b - 0.5 * lambda * a * a * a * eta;
            double leading = -3 * lambda * a * a * bigB * Math.exp(-5 * eta);
            double ratioError = Math.abs(residual / leading - 1.0);
            // relative correction of the leading term is O(B/α e^{−2η}): 2.6 e^{−2η} here
            assertTrue(ratioError < 3.0 * Math.abs(bigB / a) * Math.exp(-2 * eta),
                    "eta " + eta + ": residual " + residual + " vs leading " + leading);
            assertTrue(ratioError < previousRatioError);
            previousRatioError = ratioError;

            // Counterfactual: without the forced η e^{−3η} term, φ₀ = α e^{−η} + β e^{−3η} (π₀ = φ₀') leaves the
            // residual −λφ₀³ ≈ −λα³ e^{−3η}, two powers of e^{−η} worse. The full expansion beats it by ~e^{−2η}.
            double phi0 = a * Math.exp(-eta) + b * Math.exp(-3 * eta);
            double truncated = -lambda * phi0 * phi0 * phi0; // φ₀'' + 4φ₀' + 3φ₀ = 0 exactly
            assertEquals(-lambda * a * a * a * Math.exp(-3 * eta), truncated, 4.0 * Math.abs(b / a) * Math.exp(-2 * eta)
                    * Math.abs(truncated));
            assertTrue(Math.abs(residual) < 4.0 * Math.abs(bigB / a) * Math.exp(-2 * eta) * Math.abs(truncated),
                    "eta " + eta + ": residual " + residual + " not O(e^{-2 eta}) below the truncated one " + truncated);
        }
    }

    /** backward gives (∂/∂L, ∂/∂λ) of adjPhi·φ + adjPi·π: compare with finite differences of forward. */
    @Test
    void backwardMatchesFiniteDifferences() {
        for (double etaIni : new double[] {1.0, 2.0}) {
            QcdBoundaryMap map = new QcdBoundaryMap(etaIni, NC);
            for (double[] pt : POINTS) {
                double adjPhi = 0.7;
                double adjPi = -1.3;
                GradientCheck.ScalarFunction f = x -> {
                    double[] o = new double[2];
                    map.forward(pt[0], pt[1], x[0], x[1], o);
                    return adjPhi * o[0] + adjPi * o[1];
                };
                double[] x = {pt[2], pt[3]};
                // φ and π are cubic in L and linear in λ, and the five-point stencil is exact for quartics, so large
                // steps (1e-2 L, and 1 for λ) cost no truncation error and minimise rounding error. That matters:
                // ∂/∂λ ∝ α³ is down to ~1e-7 of the function value at QCD-like α, and each component is checked
                // against its own size.
                double[] fd = GradientCheck.gradient(f, x, new double[] {1e-2 * x[0], 1.0});
                double[] adj = new double[2];
                map.backward(pt[0], pt[1], pt[2], pt[3], adjPhi, adjPi, adj);
                GradientCheck.Comparison c = GradientCheck.compare(adj, fd, 1e-12);
                assertTrue(c.within(1e-8), "point " + java.util.Arrays.toString(pt) + " eta " + etaIni + ": " + c.maxRelativeError()
                        + " adj " + java.util.Arrays.toString(adj) + " fd " + java.util.Arrays.toString(fd));
            }
        }
    }

    @Test
    void rawMapPassesThroughAndHasNoParameters() {
        RawBoundaryMap raw = new RawBoundaryMap();
        double[] phi = new double[2];
        double[] pi = new double[2];
        raw.forward(new double[0], -1, 0.3, new double[] {1.25, 2.0}, new double[] {-0.125, 0.5}, 2, phi, pi);
        assertArrayEquals(new double[] {1.25, 2.0}, phi);
        assertArrayEquals(new double[] {-0.125, 0.5}, pi);
        double[] dLambda = {0.0, 0.0};
        raw.backward(new double[0], -1, 0.3, new double[] {1.25, 2.0}, new double[] {-0.125, 0.5}, 2,
                new double[] {2.0, 1.0}, new double[] {3.0, 1.0}, new double[0][], dLambda);
        assertArrayEquals(new double[] {0.0, 0.0}, dLambda);
        assertTrue(raw.parameters().isEmpty());
        assertTrue(!raw.usesRadius() && new QcdBoundaryMap(1.0, 3).usesRadius());
    }

    @Test
    void batchFormsAreTheOneInputFormsToTheBit() {
        QcdBoundaryMap map = new QcdBoundaryMap(1.0, 3);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        int n = 13;
        double lambda = 0.17;
        double[] params = {9.0, 1.7, 9.0}; // L at offset 1
        double[] mq = new double[n];
        double[] sigma = new double[n];
        double[] adjPhi = new double[n];
        double[] adjPi = new double[n];
        for (int s = 0; s < n; s++) {
            mq[s] = 0.022 * rnd.nextDouble();
            sigma[s] = 0.11 * rnd.nextDouble();
            adjPhi[s] = rnd.nextDouble() - 0.5;
            adjPi[s] = rnd.nextDouble() - 0.5;
        }
        double[] phi = new double[n];
        double[] pi = new double[n];
        double[][] dRadius = new double[1][n];
        double[] dLambda = new double[n];
        map.forward(params, 1, lambda, mq, sigma, n, phi, pi);
        map.backward(params, 1, lambda, mq, sigma, n, adjPhi, adjPi, dRadius, dLambda);
        double[] one = new double[2];
        for (int s = 0; s < n; s++) {
            map.forward(mq[s], sigma[s], 1.7, lambda, one);
            assertArrayEquals(one, new double[] {phi[s], pi[s]}, 0.0);
            map.backward(mq[s], sigma[s], 1.7, lambda, adjPhi[s], adjPi[s], one);
            assertArrayEquals(one, new double[] {dRadius[0][s], dLambda[s]}, 0.0);
        }
    }
}
