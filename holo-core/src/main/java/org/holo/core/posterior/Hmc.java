package org.holo.core.posterior;

/**
 * Hamiltonian Monte Carlo with a dense, fixed preconditioner: x = centre + S z, where S Sᵀ is the Laplace
 * covariance (so that the momentum's mass matrix is the Laplace Hessian), leapfrog steps in z with unit mass, a
 * Metropolis test on the exact energy, and the step size tuned in the warm-up by dual averaging
 * (Hoffman and Gelman 2014, §3.2) towards a mean acceptance of {@link Settings#targetAcceptance}. Trajectories
 * last T·u with u uniform in [0.5, 1.5): the jitter avoids the periodic orbits of a near-Gaussian target.
 *
 * HMC rather than MALA: the posterior of a metric is strongly correlated along the layers (the smoothness prior
 * chains them) and its scales differ by orders of magnitude (the data fix two or three combinations); after the
 * Laplace whitening what remains is close to a unit Gaussian, where HMC moves a distance of order one per
 * iteration and MALA diffuses in steps of order d^(−1/6).
 *
 * Any map from positions to "forces" in the leapfrog keeps volume and reversibility, so the Metropolis test on
 * the exact energy makes the chain exact even if the gradient were wrong; a wrong gradient only lowers acceptance
 * (the calibration tests therefore also inject faults upstream, in the mode and the Laplace matrix).
 */
public final class Hmc {

    /** Sampler settings. */
    public record Settings(int warmup, int samples, double integrationTime, double targetAcceptance, int maxSteps,
                           double initialStep) {
        public static Settings defaults(int warmup, int samples) {
            return new Settings(warmup, samples, 2.0, 0.8, 200, 0.5);
        }
    }

    /**
     * One chain: draws[i] are positions x after warm-up; acceptance is the mean Metropolis probability after
     * warm-up; divergences count trajectories whose energy rose by more than 1000 or became non-finite.
     */
    public record Chain(double[][] draws, double acceptance, double stepSize, int divergences, double meanSteps,
                        long gradientEvaluations) {
    }

    private final LogDensity target;
    private final double[] centre;
    private final double[][] scale;
    private final int n;
    private long evaluations;

    /**
     * @param centre the point the preconditioner is centred on (the mode)
     * @param scale  S with S Sᵀ the covariance the whitening assumes (columns: directions)
     */
    public Hmc(LogDensity target, double[] centre, double[][] scale) {
        this.target = target;
        this.centre = centre.clone();
        this.scale = scale;
        this.n = target.dimension();
        if (centre.length != n || scale.length != n) {
            throw new IllegalArgumentException("centre and scale must have the target's dimension " + n);
        }
    }

    /** Position x of whitened z. */
    public double[] position(double[] z) {
        double[] x = Matrices.times(scale, z);
        for (int i = 0; i < n; i++) {
            x[i] += centre[i];
        }
        return x;
    }

    /** −log π at z and its z-gradient into gz (Sᵀ times the x-gradient); +∞ where the density is not finite. */
    private double potential(double[] z, double[] gz, double[] gx) {
        evaluations++;
        double lp = target.value(position(z), gx);
        if (!Double.isFinite(lp)) {
            return Double.POSITIVE_INFINITY;
        }
        for (int j = 0; j < n; j++) {
            double s = 0.0;
            for (int i = 0; i < n; i++) {
                s -= scale[i][j] * gx[i];
            }
            if (!Double.isFinite(s)) {
                return Double.POSITIVE_INFINITY;
            }
            gz[j] = s;
        }
        return -lp;
    }

    /**
     * {@code steps} leapfrog steps of size eps from (z, p) with ∇_z U = g at z, all updated in place; returns U at
     * the end, or +∞ (and stops) where the density is not finite. Reversible: flipping p and integrating again
     * returns to the start, to rounding.
     */
    double trajectory(double[] z, double[] p, double[] g, double[] gx, double eps, int steps) {
        double u = Double.NaN;
        for (int k = 0; k < steps; k++) {
            for (int i = 0; i < n; i++) {
                p[i] -= 0.5 * eps * g[i];
                z[i] += eps * p[i];
            }
            u = potential(z, g, gx);
            if (!Double.isFinite(u)) {
                return Double.POSITIVE_INFINITY;
            }
            for (int i = 0; i < n; i++) {
                p[i] -= 0.5 * eps * g[i];
            }
        }
        return u;
    }

    /** U at z, with ∇_z U into g (package-private for the reversibility test). */
    double potentialAt(double[] z, double[] g) {
        return potential(z, g, new double[n]);
    }

    /**
     * Runs one chain from z0 (whitened start), drawing every random number from {@code draws} in a fixed order:
     * per iteration n momenta, one jitter, one uniform for the Metropolis test.
     */
    public Chain run(double[] z0, Settings s, Draws draws) {
        evaluations = 0;
        double[] z = z0.clone();
        double[] gz = new double[n];
        double[] gx = new double[n];
        double u = potential(z, gz, gx);
        if (!Double.isFinite(u)) {
            throw new IllegalArgumentException("the chain's start has a log density that is not finite");
        }
        double[] zNew = new double[n];
        double[] gNew = new double[n];
        double[] p = new double[n];
        double eps = s.initialStep();
        // dual averaging (Hoffman and Gelman 2014, Algorithm 5)
        double mu = StrictMath.log(10.0 * eps);
        double hBar = 0.0;
        double logEpsBar = 0.0;
        final double gamma = 0.05;
        final double t0 = 10.0;
        final double kappa = 0.75;
        double[][] out = new double[s.samples()][];
        double acceptSum = 0.0;
        int divergences = 0;
        long stepsSum = 0;
        int total = s.warmup() + s.samples();
        for (int it = 0; it < total; it++) {
            boolean warm = it < s.warmup();
            double kinetic = 0.0;
            for (int i = 0; i < n; i++) {
                p[i] = draws.gaussian();
                kinetic += 0.5 * p[i] * p[i];
            }
            double jitter = 0.5 + draws.uniform();
            int steps = (int) Math.min(s.maxSteps(), Math.max(1, Math.ceil(s.integrationTime() * jitter / eps)));
            double h0 = u + kinetic;
            System.arraycopy(z, 0, zNew, 0, n);
            System.arraycopy(gz, 0, gNew, 0, n);
            double uNew = trajectory(zNew, p, gNew, gx, eps, steps);
            boolean diverged = !Double.isFinite(uNew);
            double accept;
            double h1 = Double.POSITIVE_INFINITY;
            if (!diverged) {
                double kin1 = 0.0;
                for (int i = 0; i < n; i++) {
                    kin1 += 0.5 * p[i] * p[i];
                }
                h1 = uNew + kin1;
            }
            if (diverged || !(h1 - h0 < 1000.0)) {
                accept = 0.0;
                if (!warm) {
                    divergences++;
                }
            } else {
                accept = Math.min(1.0, StrictMath.exp(h0 - h1));
            }
            double coin = draws.uniform();
            if (coin < accept) {
                System.arraycopy(zNew, 0, z, 0, n);
                System.arraycopy(gNew, 0, gz, 0, n);
                u = uNew;
            }
            if (warm) {
                double m = it + 1;
                double w = 1.0 / (m + t0);
                hBar = (1.0 - w) * hBar + w * (s.targetAcceptance() - accept);
                double logEps = mu - Math.sqrt(m) / gamma * hBar;
                double eta = StrictMath.pow(m, -kappa);
                logEpsBar = eta * logEps + (1.0 - eta) * logEpsBar;
                eps = StrictMath.exp(logEps);
                if (it == s.warmup() - 1) {
                    eps = StrictMath.exp(logEpsBar);
                }
            } else {
                out[it - s.warmup()] = position(z);
                acceptSum += accept;
                stepsSum += steps;
            }
        }
        int m = Math.max(1, s.samples());
        return new Chain(out, acceptSum / m, eps, divergences, (double) stepsSum / m, evaluations);
    }
}
