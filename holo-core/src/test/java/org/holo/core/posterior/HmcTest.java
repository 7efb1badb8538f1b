package org.holo.core.posterior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** HMC on targets whose answers are known exactly. */
class HmcTest {

    static final double[] MEAN = {1.0, -2.0, 5.0};

    /** Mean and covariance of the draws against the Gaussian's, within their Monte Carlo error. */
    @Test
    void samplesAGaussianWithKnownMeanAndCovariance() {
        double[][] cov = GaussianTargets.covariance();
        LogDensity target = GaussianTargets.gaussian(MEAN, GaussianTargets.inverse(cov));
        // an identity preconditioner: the sampler alone must cope with scales 0.1 to 10 and the correlations
        Hmc hmc = new Hmc(target, new double[3], Matrices.identity(3));
        Hmc.Chain chain = hmc.run(new double[3], new Hmc.Settings(1000, 20000, 20.0, 0.8, 1000, 0.1), GaussianTargets.draws(3));
        double[][] d = chain.draws();
        double[][] chains = new double[1][];
        for (int i = 0; i < 3; i++) {
            double[] xi = column(d, i);
            chains[0] = xi;
            double ess = Diagnostics.effectiveSampleSize(chains);
            double m = Diagnostics.mean(xi);
            double se = Math.sqrt(cov[i][i] / ess);
            assertEquals(MEAN[i], m, 4 * se, "mean of x" + i + " (ess " + ess + ")");
            for (int j = 0; j <= i; j++) {
                double c = covariance(xi, column(d, j));
                // the sampling sd of a covariance estimate is about sqrt((c_ii c_jj + c_ij²)/ess)
                double sc = Math.sqrt((cov[i][i] * cov[j][j] + cov[i][j] * cov[i][j]) / ess);
                assertEquals(cov[i][j], c, 4 * sc, "cov " + i + "," + j);
            }
        }
        assertTrue(chain.acceptance() > 0.6 && chain.acceptance() < 0.95, "adapted acceptance " + chain.acceptance());
        assertEquals(0, chain.divergences());
    }

    /** Whitened by the exact covariance, every coordinate is a unit Gaussian and the chain mixes at once. */
    @Test
    void laplaceWhiteningOfAGaussianIsExact() {
        double[][] cov = GaussianTargets.covariance();
        LogDensity target = GaussianTargets.gaussian(MEAN, GaussianTargets.inverse(cov));
        Laplace.Result l = Laplace.at(target, new double[3], 50);
        Sampling.Result r = Sampling.sample(() -> target, List.of(new double[3]), 4, Hmc.Settings.defaults(200, 2000),
                k -> GaussianTargets.draws(100 + k), 2);
        for (int i = 0; i < 3; i++) {
            double[][] c = r.coordinate(i);
            double ess = Diagnostics.effectiveSampleSize(c);
            assertTrue(ess > 4000, "ess of x" + i + ": " + ess);
            assertTrue(Diagnostics.splitRhat(c) < 1.01);
            double[] sorted = Diagnostics.sorted(c);
            double sd = Math.sqrt(cov[i][i]);
            // quantiles of a normal: 16 % at mean − sd, 97.5 % at mean + 1.96 sd
            assertEquals(MEAN[i] - sd, Diagnostics.quantile(sorted, 0.15865525393145707), 0.06 * sd);
            assertEquals(MEAN[i] + 1.959963984540054 * sd, Diagnostics.quantile(sorted, 0.975), 0.08 * sd);
            assertEquals(MEAN[i], l.mode()[i], 1e-8 * (1 + Math.abs(MEAN[i])));
        }
    }

    /** Same stream, same draws, whatever the threads; another stream, other draws. */
    @Test
    void chainsAreBitReproducibleAcrossThreadCounts() {
        double[][] cov = GaussianTargets.covariance();
        LogDensity target = GaussianTargets.gaussian(MEAN, GaussianTargets.inverse(cov));
        Sampling.Result one = Sampling.sample(() -> target, List.of(new double[3]), 3, Hmc.Settings.defaults(50, 100),
                k -> GaussianTargets.draws(7 + k), 1);
        Sampling.Result three = Sampling.sample(() -> target, List.of(new double[3]), 3, Hmc.Settings.defaults(50, 100),
                k -> GaussianTargets.draws(7 + k), 3);
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 100; i++) {
                assertArrayEquals(one.chains().get(k).draws()[i], three.chains().get(k).draws()[i], 0.0);
            }
        }
        assertTrue(one.chains().get(0).draws()[99][0] != one.chains().get(1).draws()[99][0]);
    }

    /**
     * The sampler's leapfrog is reversible: integrating forward, flipping the momentum and integrating again
     * returns to the start (to rounding), also under a preconditioner and with a force that is not the gradient
     * (a sign flipped), which is why the Metropolis test on the exact energy keeps HMC exact. The energy of an
     * accurate trajectory is conserved to O(eps^2).
     */
    @Test
    void leapfrogIsReversible() {
        double[][] cov = GaussianTargets.covariance();
        LogDensity exact = GaussianTargets.gaussian(MEAN, GaussianTargets.inverse(cov));
        LogDensity flipped = new LogDensity() {
            public int dimension() {
                return 3;
            }

            public double value(double[] x, double[] grad) {
                double v = exact.value(x, grad);
                if (grad != null) {
                    grad[1] = -grad[1];
                }
                return v;
            }
        };
        double[][] scale = Matrices.scaledVectors(Matrices.symmetricEigen(cov), Math::sqrt);
        for (LogDensity target : new LogDensity[] {exact, flipped}) {
            Hmc hmc = new Hmc(target, new double[] {0.5, 0.5, 0.5}, scale);
            double[] z = {0.3, -1.2, 2.0};
            double[] p = {0.7, 0.1, -0.4};
            double[] g = new double[3];
            double u0 = hmc.potentialAt(z, g);
            double[] z1 = z.clone();
            double[] p1 = p.clone();
            double u1 = hmc.trajectory(z1, p1, g, new double[3], 0.01, 300);
            if (target == exact) {
                double h0 = u0 + 0.5 * (p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
                double h1 = u1 + 0.5 * (p1[0] * p1[0] + p1[1] * p1[1] + p1[2] * p1[2]);
                assertEquals(h0, h1, 1e-4, "energy");
            }
            for (int i = 0; i < 3; i++) {
                p1[i] = -p1[i];
            }
            hmc.trajectory(z1, p1, g, new double[3], 0.01, 300);
            for (int i = 0; i < 3; i++) {
                assertEquals(z[i], z1[i], 1e-9);
                assertEquals(-p[i], p1[i], 1e-9);
            }
        }
    }

    /**
     * Detailed balance of the whole transition on a 1-d standard normal: the chain's draws have mean 0,
     * variance 1 and lag-1 correlation as expected for a stationary chain (no drift).
     */
    @Test
    void stationaryOnAUnitGaussian() {
        LogDensity target = GaussianTargets.gaussian(new double[] {0.0}, new double[][] {{1.0}});
        Hmc.Chain c = new Hmc(target, new double[1], new double[][] {{1.0}})
                .run(new double[] {0.0}, new Hmc.Settings(0, 40000, 0.3, 0.8, 10, 0.3), GaussianTargets.draws(11));
        double[] x = column(c.draws(), 0);
        double ess = Diagnostics.effectiveSampleSize(new double[][] {x});
        assertEquals(0.0, Diagnostics.mean(x), 4 / Math.sqrt(ess));
        assertEquals(1.0, covariance(x, x), 4 * Math.sqrt(2 / ess));
    }

    static double[] column(double[][] d, int i) {
        double[] c = new double[d.length];
        for (int k = 0; k < d.length; k++) {
            c[k] = d[k][i];
        }
        return c;
    }

    static double covariance(double[] a, double[] b) {
        double ma = Diagnostics.mean(a);
        double mb = Diagnostics.mean(b);
        double s = 0.0;
        for (int k = 0; k < a.length; k++) {
            s += (a[k] - ma) * (b[k] - mb);
        }
        return s / (a.length - 1);
    }
}
