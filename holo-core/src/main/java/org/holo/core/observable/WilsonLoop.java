package org.holo.core.observable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Beta;

/**
 * The static Nambu–Goto string with both ends on the boundary and its tip at η_* (physics.md §7), in a
 * {@link StringGeometry}. With G = f g and G_* = G(η_*):
 * <pre>
 *   r(η_*) = 2 ∫_{η_*}^{∞} dη / ( √g √(G/G_* − 1) )                                   [units of L]
 *   V(η_*) = 2 ∫_{η_*}^{∞} dη √f [ 1/√(1 − G_* / G) − 1 ]  −  2 ∫_{η_IR}^{η_*} dη √f      [units of L/(2πα′)]
 * </pre>
 * V is the connected energy (1/πα′)∫√f √(G/G_*)/√(G/G_* − 1) minus that of two straight strings from the
 * boundary to the horizon / IR end {@link StringGeometry#irEnd()} with the same UV cutoff: the √f divergence
 * cancels inside the first integral and V of the screened pair (two straight strings) is 0. In units of
 * L/(2πα′) the prefactor 1/(πα′) becomes 2 (= 1/(2πα′) with L = 1; L²/α′ = √λ for N = 4 SYM).
 *
 * <h2>Quadrature</h2>
 * No cut-offs. The 1/√(η − η_*) endpoint singularity is removed by η = η_* + s² (dη = 2s ds); the s-range is cut
 * into panels at the geometry's breakpoints and graded geometrically (ratio 1/4) towards s = 0 on the scale
 * where G/G_* − 1 stops being linear (so tips close to a wall, where the singularity turns into 1/(η − η_*), and
 * tips close to a horizon are resolved), and towards every wall (local minimum of G) the string passes. Each
 * panel gets the same n-point Gauss–Legendre rule. The range to η = ∞ is done in closed form where the geometry
 * is pure AdS ({@link StringGeometry#adsFrom()}): with Y = G_* e^{−4a} and the incomplete Beta function
 * B(Y; 3/4, 1/2),
 * <pre>
 *   2∫_a^∞ dη e^{−η}/√(e^{4η}/G_* − 1)              = ½ G_*^{−1/4} B(Y; 3/4, 1/2)
 *   2∫_a^∞ dη e^{η}[1/√(1 − G_* e^{−4η}) − 1]      = ½ G_*^{1/4} [ 4 Y^{−1/4}(1 − √(1 − Y)) − B(Y; 3/4, 1/2) ]
 * </pre>
 * and otherwise mapped to [0, 1) by η = a − ln(1 − u), under which the exponentially decaying integrands are
 * smooth. The straight-string integral is graded towards the horizon (where √f may vanish like a power) or mapped
 * by η = c + ln u when it runs to −∞.
 */
public final class WilsonLoop {

    public static final int DEFAULT_POINTS = 16;

    private static final double RATIO = 0.25;
    private static final double LOG_RATIO = StrictMath.log(1.0 / RATIO);
    private static final double[] G4X = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526};
    private static final double[] G4W = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538};
    private static final double BETA_34_12 = StrictMath.exp(Beta.logBeta(0.75, 0.5));

    private final StringGeometry geometry;
    private final GaussLegendre rule;
    private final double[] breakpoints;
    private final double[] walls;
    private final double structureTop;

    /** A string: tip η_*, separation r (units of L), energy V (units of L/(2πα′), screened pair = 0). */
    public record Solution(double tip, double r, double v) {
        public boolean finite() {
            return Double.isFinite(r) && Double.isFinite(v);
        }
    }

    public WilsonLoop(StringGeometry geometry) {
        this(geometry, DEFAULT_POINTS);
    }

    /** @param points Gauss–Legendre points per panel (the refinement knob of the quadrature) */
    public WilsonLoop(StringGeometry geometry, int points) {
        this.geometry = geometry;
        this.rule = new GaussLegendre(points);
        this.breakpoints = geometry.breakpoints().clone();
        Arrays.sort(breakpoints);
        double lo = Double.isFinite(geometry.tipFloor()) ? geometry.tipFloor() : scanTop(geometry) - 12.0;
        this.walls = walls(geometry, lo, scanTop(geometry));
        double top = Double.NEGATIVE_INFINITY;
        for (double b : breakpoints) {
            top = Math.max(top, b);
        }
        for (double w : walls) {
            top = Math.max(top, w);
        }
        this.structureTop = top;
    }

    public StringGeometry geometry() {
        return geometry;
    }

    /** The walls: local minima of G (ascending), where connected strings can hang and the potential turns linear. */
    public double[] walls() {
        return walls.clone();
    }

    /**
     * The string with its tip at η_*. The tip must be admissible (G(η) &gt; G(η_*) for all η &gt; η_*, η_* above the
     * IR end); otherwise the result is not finite.
     */
    public Solution solve(double tip) {
        if (!(tip > geometry.irEnd()) || !Double.isFinite(tip)) {
            return new Solution(tip, Double.NaN, Double.NaN);
        }
        double lStar = geometry.logG(tip);
        double[] acc = new double[2];
        double[] scratch = new double[2];
        boolean analyticTail = Double.isFinite(geometry.adsFrom());
        double upper = analyticTail ? Math.max(geometry.adsFrom(), tip) : Math.max(tip, structureTop) + 1.0;
        if (upper > tip) {
            double[] cuts = sCuts(tip, upper, lStar);
            GaussLegendre.PairIntegrand f = (s, out) -> singularPart(tip, lStar, s, out);
            for (int i = 0; i + 1 < cuts.length; i++) {
                if (cuts[i + 1] > cuts[i]) {
                    rule.integratePair(f, cuts[i], cuts[i + 1], acc, scratch);
                }
            }
        }
        if (analyticTail) {
            double y = Math.min(1.0, StrictMath.exp(lStar - 4.0 * upper));
            double b = incompleteBeta(y);
            acc[0] += 0.5 * StrictMath.exp(-0.25 * lStar) * b;
            double oneMinusSqrt = y / (1.0 + StrictMath.sqrt(1.0 - y));
            acc[1] += 0.5 * StrictMath.exp(0.25 * lStar) * (4.0 * StrictMath.pow(y, -0.25) * oneMinusSqrt - b);
        } else {
            double a = upper;
            GaussLegendre.PairIntegrand f = (u, out) -> {
                double oneMinusU = 1.0 - u;
                tailPart(tip, lStar, a - StrictMath.log(oneMinusU), out);
                out[0] /= oneMinusU;
                out[1] /= oneMinusU;
            };
            double[] uc = {0.0, 0.5, 0.75, 0.875, 0.9375, 1.0};
            for (int i = 0; i + 1 < uc.length; i++) {
                rule.integratePair(f, uc[i], uc[i + 1], acc, scratch);
            }
        }
        double v = acc[1] - 2.0 * straightString(tip);
        return new Solution(tip, acc[0], v);
    }

    /** ∫_{η_IR}^{η} √f dη: the energy of one straight string from the IR end up to η (units of L/(2πα′)), finite part. */
    public double straightString(double eta) {
        double ads = geometry.adsFrom();
        if (Double.isFinite(ads) && eta > ads) {
            return straightNumeric(ads) + StrictMath.exp(eta) - StrictMath.exp(ads);
        }
        return straightNumeric(eta);
    }

    /** dV/dr = √G(η_*) along a branch (units of 1/(2πα′)); a consistency check of the two integrals. */
    public double force(double tip) {
        return StrictMath.exp(0.5 * geometry.logG(tip));
    }

    private double straightNumeric(double top) {
        double irEnd = geometry.irEnd();
        List<Double> cuts = new ArrayList<>();
        for (double b : breakpoints) {
            if (b > irEnd && b < top) {
                cuts.add(b);
            }
        }
        cuts.add(top);
        double sum = 0.0;
        double lowest = cuts.get(0);
        if (Double.isInfinite(irEnd)) {
            // η = lowest + ln u, u ∈ (0, 1]: dη = du/u
            double[] uc = {0.0, 0.25, 0.5, 1.0};
            for (int i = 0; i + 1 < uc.length; i++) {
                sum += rule.integrate(u -> StrictMath.exp(0.5 * geometry.logF(lowest + StrictMath.log(u))) / u, uc[i], uc[i + 1]);
            }
        } else {
            // graded towards the IR end, where √f may vanish like a power of (η − η_IR)
            double span = lowest - irEnd;
            double a = irEnd;
            int k = 26;
            for (int j = k; j >= 0; j--) {
                double b = j == 0 ? lowest : irEnd + span * StrictMath.pow(RATIO, j);
                sum += rule.integrate(this::sqrtF, a, b);
                a = b;
            }
        }
        for (int i = 0; i + 1 < cuts.size(); i++) {
            sum += rule.integrate(this::sqrtF, cuts.get(i), cuts.get(i + 1));
        }
        return sum;
    }

    private double sqrtF(double eta) {
        return StrictMath.exp(0.5 * geometry.logF(eta));
    }

    /** Panel cuts in s = √(η − η_*) on [0, √(upper − η_*)]. */
    private double[] sCuts(double tip, double upper, double lStar) {
        double sUpper = StrictMath.sqrt(upper - tip);
        List<Double> base = new ArrayList<>();
        base.add(0.0);
        for (double b : breakpoints) {
            if (b > tip && b < upper && b - tip > 1e-13 * Math.max(1.0, Math.abs(tip))) {
                base.add(StrictMath.sqrt(b - tip));
            }
        }
        List<Double> wallS = new ArrayList<>();
        for (double w : walls) {
            if (w > tip && w < upper && w - tip > 1e-13 * Math.max(1.0, Math.abs(tip))) {
                double sw = StrictMath.sqrt(w - tip);
                base.add(sw);
                wallS.add(sw);
            }
        }
        base.add(sUpper);
        double[] b = base.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
        List<Double> all = new ArrayList<>(base);
        // towards the tip
        double s1 = b[1];
        double d1 = geometry.dLogG(tip);
        double d2 = secondDerivative(tip);
        double widthEta = Math.abs(d1) / (0.5 * Math.abs(d2 + d1 * d1) + 1e-300);
        int k = levels(s1 / StrictMath.sqrt(widthEta));
        for (int j = 1; j <= k; j++) {
            all.add(s1 * StrictMath.pow(RATIO, j));
        }
        // towards the walls on both sides
        for (double sw : wallS) {
            double w = tip + sw * sw;
            double eps = StrictMath.expm1(geometry.logG(w) - lStar);
            double curv = Math.abs(secondDerivative(w)) + 1e-300;
            double widthS = StrictMath.sqrt(2.0 * Math.max(eps, 0.0) / curv) / (2.0 * sw);
            int idx = Arrays.binarySearch(b, sw);
            if (idx > 0) {
                double span = sw - b[idx - 1];
                int kw = levels(span / (widthS + 1e-300));
                for (int j = 1; j <= kw; j++) {
                    all.add(sw - span * StrictMath.pow(RATIO, j));
                }
            }
            if (idx >= 0 && idx + 1 < b.length) {
                double span = b[idx + 1] - sw;
                int kw = levels(span / (widthS + 1e-300));
                for (int j = 1; j <= kw; j++) {
                    all.add(sw + span * StrictMath.pow(RATIO, j));
                }
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).sorted().distinct().toArray();
    }

    /** Number of graded panels to get from a panel of size span down below a feature of size span/ratio. */
    private static int levels(double ratio) {
        if (!(ratio > 1.0)) {
            return 3;
        }
        int k = (int) Math.ceil(StrictMath.log(ratio) / LOG_RATIO) + 3;
        return Math.max(3, Math.min(40, k));
    }

    private double secondDerivative(double eta) {
        double h = 1e-5 * Math.max(1.0, Math.abs(eta));
        if (eta - h > geometry.irEnd()) {
            return (geometry.dLogG(eta + h) - geometry.dLogG(eta - h)) / (2.0 * h);
        }
        return (geometry.dLogG(eta + 2.0 * h) - geometry.dLogG(eta + h)) / h;
    }

    /**
     * log G(η) − log G(η_*), accurate also when it is tiny: close to the tip it is the integral of d log G/dη by
     * four-point Gauss–Legendre on each smooth piece (exact for a learned metric, whose h is a cubic between
     * layers), instead of a difference of two nearly equal logarithms.
     */
    private double logRatio(double tip, double len, double lStar) {
        double eta = tip + len;
        double scale = Math.min(1.0, tip - geometry.irEnd());
        if (!(len < 0.05 * scale)) {
            return geometry.logG(eta) - lStar;
        }
        double sum = 0.0;
        double a = tip;
        int i = firstBreakpointAbove(tip);
        double done = 0.0; // the length covered so far, kept exact (η = η_* + len is rounded, len is not)
        while (i < breakpoints.length && breakpoints[i] < eta) {
            double piece = breakpoints[i] - tip - done;
            sum += gauss4(a, piece);
            done += piece;
            a = breakpoints[i];
            i++;
        }
        return sum + gauss4(a, len - done);
    }

    private int firstBreakpointAbove(double tip) {
        int i = Arrays.binarySearch(breakpoints, tip);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** ∫_a^{a+len} d log G. */
    private double gauss4(double a, double len) {
        double half = 0.5 * len;
        double mid = a + half;
        double sum = 0.0;
        for (int k = 0; k < 4; k++) {
            sum += G4W[k] * geometry.dLogG(mid + half * G4X[k]);
        }
        return sum * half;
    }

    /** Integrands of r and V at η = η_* + s², times dη/ds = 2s. */
    private void singularPart(double tip, double lStar, double s, double[] out) {
        double eta = tip + s * s;
        double delta = logRatio(tip, s * s, lStar);
        integrands(eta, delta, out);
        out[0] *= 2.0 * s;
        out[1] *= 2.0 * s;
    }

    private void tailPart(double tip, double lStar, double eta, double[] out) {
        integrands(eta, geometry.logG(eta) - lStar, out);
    }

    /** 2/(√g √(G/G_* − 1)) and 2√f [1/√(1 − G_* / G) − 1] at η, given Δ = log(G/G_*). */
    private void integrands(double eta, double delta, double[] out) {
        if (!(delta > 0.0)) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
            return;
        }
        double em1 = StrictMath.expm1(delta);
        double q = -StrictMath.expm1(-delta);
        double x = StrictMath.exp(-delta);
        double sq = StrictMath.sqrt(q);
        out[0] = 2.0 * StrictMath.exp(-0.5 * geometry.logGx(eta)) / StrictMath.sqrt(em1);
        out[1] = 2.0 * StrictMath.exp(0.5 * geometry.logF(eta)) * x / (sq * (1.0 + sq));
    }

    /** B(y; 3/4, 1/2). */
    static double incompleteBeta(double y) {
        if (y <= 0.0) {
            return 0.0;
        }
        if (y >= 1.0) {
            return BETA_34_12;
        }
        return Beta.regularizedBeta(y, 0.75, 0.5, 1e-15, 10000) * BETA_34_12;
    }

    /** Top of the range where a geometry may have structure: above it, strings are short and the metric is near-AdS. */
    static double scanTop(StringGeometry g) {
        double top = 0.0;
        if (Double.isFinite(g.adsFrom())) {
            top = Math.max(top, g.adsFrom());
        }
        for (double b : g.breakpoints()) {
            top = Math.max(top, b);
        }
        return top + 4.0;
    }

    /**
     * The local minima of G (η where d log G/dη changes sign from − below to + above) in (lo, hi), ascending,
     * refined with a Brent solver.
     */
    static double[] walls(StringGeometry g, double lo, double hi) {
        double start = Math.max(lo, g.irEnd());
        if (!(hi > start)) {
            return new double[0];
        }
        int n = 4000;
        double first = start + (start == g.irEnd() ? 1e-9 * Math.max(1.0, hi - start) : 0.0);
        List<Double> found = new ArrayList<>();
        double prevEta = first;
        double prev = g.dLogG(prevEta);
        BrentSolver solver = new BrentSolver(1e-14, 1e-13);
        for (int i = 1; i <= n; i++) {
            double eta = first + (hi - first) * i / n;
            double cur = g.dLogG(eta);
            if (prev < 0.0 && cur >= 0.0) {
                double root = cur == 0.0 ? eta : solver.solve(200, g::dLogG, prevEta, eta);
                found.add(root);
            }
            prev = cur;
            prevEta = eta;
        }
        return found.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
