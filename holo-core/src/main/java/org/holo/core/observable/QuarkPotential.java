package org.holo.core.observable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * The quark–antiquark potential V(r) of a {@link StringGeometry} (physics.md §7): every branch of connected strings,
 * the screened (disconnected) branch V = 0, their minimum, and the numbers that characterise them.
 *
 * <h2>Branches</h2>
 * A tip η_* is admissible when G(η) &gt; G(η_*) for every η &gt; η_* (else the string would have to turn back
 * before reaching the boundary). Walking down from the boundary, the admissible tips form intervals: the first
 * one ends at the first wall η_w (a local minimum of G, where r → ∞ logarithmically and V grows linearly with
 * slope √G(η_w), the string tension); a deeper one starts where G drops below G(η_w) again, and so on. Without a
 * wall the first interval reaches the horizon (AdS-Schwarzschild: r rises to r_max and falls back to 0, the
 * lower part costing more), the last learned layer, or for pure AdS the scan limit (r unbounded).
 *
 * <h2>Summary numbers</h2>
 * <ul>
 *   <li>r_max: the longest connected string (a refined maximum of r(η_*)); unbounded when a branch ends at a wall
 *       or runs without limit (pure AdS).</li>
 *   <li>r_screen: where the lowest connected energy crosses the screened one (V = 0) and stays above it: on each
 *       monotone piece of a branch V increases with r (dV/dr = √G_* &gt; 0), so the connected strings are cheaper
 *       exactly on the union of the intervals [r_start, r_zero); r_screen is the end of the part of that union
 *       that starts at the shortest strings. The zero is refined with a Brent solver in η_*.</li>
 *   <li>string tension √G(η_w) (units of 1/(2πα′)) of the wall that ends the branch attached to the boundary;
 *       NaN when the geometry does not confine.</li>
 *   <li>Coulomb coefficient c of V ≈ −c/r + V_0 from two strings with tips deep in the UV (V r is linear in r
 *       there: exactly for a learned metric, up to O(r⁴) for AdS-Schwarzschild).</li>
 * </ul>
 */
public final class QuarkPotential {

    /** What a branch runs into at one end. */
    public enum End {
        /** tip → ∞: r → 0 (the boundary). */
        BOUNDARY,
        /** a wall (local minimum of G): r → ∞. */
        WALL,
        /** the horizon / IR end of the geometry. */
        HORIZON,
        /** the deepest layer of a learned metric (tips are not placed in the extrapolated region). */
        DATA_END,
        /** the end of the scanned tip range of a geometry without an IR end (pure AdS): r keeps growing. */
        SCAN_LIMIT
    }

    /** One connected string: tip η_*, r in units of L, V in units of L/(2πα′). */
    public record Point(double tip, double r, double v) {
    }

    /** An interval of admissible tips, its ends, and its strings ordered from the UV (large η_*) to the IR. */
    public record Branch(int index, double top, End topEnd, double bottom, End bottomEnd, List<Point> points) {
    }

    /** A point of the minimum curve; branch = −1 for the screened pair. */
    public record MinimumPoint(double r, double v, int branch) {
    }

    /** Tuning of the scan. */
    public record Options(int tipsPerBranch, int quadraturePoints, int minimumPoints) {
        public static Options defaults() {
            return new Options(160, WilsonLoop.DEFAULT_POINTS, 400);
        }
    }

    /**
     * Everything computed. Lengths in units of L, energies in units of L/(2πα′), string tension in units of
     * 1/(2πα′), T in units of 1/L. NaN marks "not applicable" (documented per field).
     *
     * @param rMax         longest connected string; NaN when unbounded
     * @param rMaxKind     {@code turning-point}, {@code unbounded}, {@code data-end} (still growing at the last layer)
     * @param rScreen      where the connected energy crosses the screened one; NaN when it never does
     * @param screenTip    η_* of the string at r_screen, NaN without one
     * @param stringTension √G(η_w) of the confining wall, NaN without one
     * @param wallEta      η_w of that wall, NaN without one
     * @param coulomb      c in V ≈ −c/r at short distance
     * @param uvConstant   V_0 in V ≈ −c/r + V_0 at short distance
     * @param temperature  T (1/L), NaN without a regular horizon
     * @param failedTips   tips whose integrals were not finite (left out)
     */
    public record Result(StringGeometry geometry, List<Branch> branches, double[] walls, double rMax, String rMaxKind,
                         double rScreen, double screenTip, double stringTension, double wallEta, double coulomb,
                         double uvConstant, double temperature, List<MinimumPoint> minimum, int failedTips) {

        public boolean confining() {
            return !Double.isNaN(stringTension);
        }
    }

    private QuarkPotential() {
    }

    public static Result compute(StringGeometry geometry) {
        return compute(geometry, Options.defaults());
    }

    public static Result compute(StringGeometry g, Options options) {
        WilsonLoop loop = new WilsonLoop(g, options.quadraturePoints());
        double hi = WilsonLoop.scanTop(g);
        double floor = g.tipFloor();
        End lowEnd;
        double lo;
        if (!Double.isFinite(floor)) {
            lo = hi - 8.0;
            lowEnd = End.SCAN_LIMIT;
        } else {
            lo = floor;
            lowEnd = floor <= g.irEnd() ? End.HORIZON : End.DATA_END;
        }
        List<double[]> intervals = new ArrayList<>(); // {bottom, top, bottomEnd, topEnd}
        findIntervals(g, hi, lo, lowEnd, intervals);

        List<Branch> branches = new ArrayList<>();
        int failed = 0;
        for (double[] iv : intervals) {
            End bottomEnd = End.values()[(int) iv[2]];
            End topEnd = End.values()[(int) iv[3]];
            List<Point> pts = new ArrayList<>();
            for (double tip : tips(iv[0], iv[1], bottomEnd, topEnd, hi, options.tipsPerBranch())) {
                WilsonLoop.Solution s = loop.solve(tip);
                if (s.finite() && s.r() > 0.0) {
                    pts.add(new Point(tip, s.r(), s.v()));
                } else {
                    failed++;
                }
            }
            pts.sort(Comparator.comparingDouble(Point::tip).reversed());
            refineExtrema(loop, pts);
            branches.add(new Branch(branches.size(), iv[1], topEnd, iv[0], bottomEnd, Collections.unmodifiableList(pts)));
        }

        // r_max
        double rMax = 0.0;
        boolean unbounded = false;
        boolean dataEnd = false;
        for (Branch b : branches) {
            if (b.topEnd() == End.WALL || b.bottomEnd() == End.WALL || b.bottomEnd() == End.SCAN_LIMIT) {
                unbounded = true;
            }
            for (Point p : b.points()) {
                rMax = Math.max(rMax, p.r());
            }
            if (b.bottomEnd() == End.DATA_END && b.points().size() >= 2) {
                List<Point> pts = b.points();
                Point last = pts.get(pts.size() - 1);
                if (last.r() >= pts.get(pts.size() - 2).r() && last.r() >= rMax) {
                    dataEnd = true;
                }
            }
        }
        String rMaxKind = unbounded ? "unbounded" : dataEnd ? "data-end" : "turning-point";

        // pieces and r_screen
        List<Piece> pieces = new ArrayList<>();
        for (Branch b : branches) {
            pieces.addAll(pieces(b));
        }
        double[] screen = screening(loop, pieces);

        // string tension: the wall that ends the branch attached to the boundary
        double tension = Double.NaN;
        double wallEta = Double.NaN;
        if (!branches.isEmpty() && branches.get(0).topEnd() == End.BOUNDARY && branches.get(0).bottomEnd() == End.WALL) {
            wallEta = branches.get(0).bottom();
            tension = StrictMath.exp(0.5 * g.logG(wallEta));
        }

        // Coulomb coefficient from two UV strings: V r = −c + V_0 r
        WilsonLoop.Solution a = loop.solve(hi + 2.0);
        WilsonLoop.Solution b = loop.solve(hi + 3.0);
        double ya = a.r() * a.v();
        double yb = b.r() * b.v();
        double v0 = (ya - yb) / (a.r() - b.r());
        double coulomb = -(yb - v0 * b.r());

        // the branch attached to the boundary continues to r → 0 beyond its shortest sampled string
        double rUv = !branches.isEmpty() && branches.get(0).topEnd() == End.BOUNDARY && !branches.get(0).points().isEmpty()
                ? branches.get(0).points().get(0).r() : 0.0;
        List<MinimumPoint> minimum = minimum(pieces, screen[0], unbounded ? Double.NaN : rMax, rUv, options.minimumPoints());
        return new Result(g, Collections.unmodifiableList(branches), loop.walls(), unbounded ? Double.NaN : rMax, rMaxKind,
                screen[0], screen[1], tension, wallEta, coulomb, v0, g.temperature(), minimum, failed);
    }

    /** Walks down from the UV and records the intervals of admissible tips. */
    private static void findIntervals(StringGeometry g, double hi, double lo, End lowEnd, List<double[]> out) {
        int n = 4000;
        double low = lowEnd == End.HORIZON ? lo + 1e-9 * (hi - lo) : lo;
        BrentSolver solver = new BrentSolver(1e-14, 1e-13);
        boolean in = true;
        double top = Double.POSITIVE_INFINITY;
        End topEnd = End.BOUNDARY;
        double m = Double.NaN;
        double prev = hi;
        for (int i = 1; i <= n; i++) {
            double eta = hi - (hi - low) * i / n;
            if (in) {
                double d = g.dLogG(eta);
                if (d <= 0.0) {
                    double wall = d == 0.0 ? eta : solver.solve(200, g::dLogG, eta, prev);
                    out.add(new double[] {wall, top, End.WALL.ordinal(), topEnd.ordinal()});
                    m = g.logG(wall);
                    in = false;
                }
            } else if (g.logG(eta) < m) {
                double level = m;
                top = solver.solve(200, x -> g.logG(x) - level, eta, prev);
                topEnd = End.WALL;
                in = true;
            }
            prev = eta;
        }
        if (in) {
            out.add(new double[] {lo, top, lowEnd.ordinal(), topEnd.ordinal()});
        }
    }

    /** Tips for one branch: uniform in η_*, plus geometric clusters towards ends where r runs off or to 0. */
    private static double[] tips(double bottom, double top, End bottomEnd, End topEnd, double hi, int n) {
        double upper = topEnd == End.BOUNDARY ? hi : top;
        double span = upper - bottom;
        TreeSet<Double> set = new TreeSet<>();
        for (int i = 0; i <= n; i++) {
            double t = bottom + span * i / n;
            if (i == 0 && (bottomEnd == End.WALL || bottomEnd == End.HORIZON)) {
                continue;
            }
            if (i == n && topEnd == End.WALL) {
                continue;
            }
            set.add(t);
        }
        int clusters = 30;
        if (bottomEnd == End.WALL || bottomEnd == End.HORIZON) {
            for (int k = 1; k <= clusters; k++) {
                set.add(bottom + span * StrictMath.pow(10.0, -k / 3.0));
            }
        }
        if (topEnd == End.WALL) {
            for (int k = 1; k <= clusters; k++) {
                set.add(top - span * StrictMath.pow(10.0, -k / 3.0));
            }
        }
        return set.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Inserts the exact turning points of r(η_*) (maxima and minima) between samples. */
    private static void refineExtrema(WilsonLoop loop, List<Point> pts) {
        List<Point> extra = new ArrayList<>();
        BrentOptimizer opt = new BrentOptimizer(1e-12, 1e-14);
        for (int k = 1; k + 1 < pts.size(); k++) {
            double r0 = pts.get(k - 1).r();
            double r1 = pts.get(k).r();
            double r2 = pts.get(k + 1).r();
            boolean max = r1 > r0 && r1 > r2;
            boolean min = r1 < r0 && r1 < r2;
            if (!max && !min) {
                continue;
            }
            double lo = pts.get(k + 1).tip();
            double hi = pts.get(k - 1).tip();
            try {
                UnivariatePointValuePair best = opt.optimize(new MaxEval(200), new UnivariateObjectiveFunction(t -> loop.solve(t).r()),
                        max ? GoalType.MAXIMIZE : GoalType.MINIMIZE, new SearchInterval(lo, hi, pts.get(k).tip()));
                WilsonLoop.Solution s = loop.solve(best.getPoint());
                if (s.finite()) {
                    extra.add(new Point(s.tip(), s.r(), s.v()));
                }
            } catch (MathIllegalStateException e) {
                // keep the samples as they are
            }
        }
        pts.addAll(extra);
        pts.sort(Comparator.comparingDouble(Point::tip).reversed());
    }

    /** A run of a branch on which r is monotone; points sorted by r ascending. */
    private record Piece(int branch, List<Point> byR, boolean openAtLargeR) {
        double rMin() {
            return byR.get(0).r();
        }

        double rMax() {
            return byR.get(byR.size() - 1).r();
        }

        /** V at r by linear interpolation, NaN outside the piece. */
        double v(double r) {
            if (r < rMin() || r > rMax()) {
                return Double.NaN;
            }
            int lo = 0;
            int hi = byR.size() - 1;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (byR.get(mid).r() <= r) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            Point a = byR.get(lo);
            Point b = byR.get(hi);
            if (b.r() == a.r()) {
                return Math.min(a.v(), b.v());
            }
            double w = (r - a.r()) / (b.r() - a.r());
            return a.v() + w * (b.v() - a.v());
        }
    }

    private static List<Piece> pieces(Branch b) {
        List<Point> pts = b.points();
        List<Piece> out = new ArrayList<>();
        if (pts.size() < 2) {
            return out;
        }
        int start = 0;
        for (int k = 1; k < pts.size(); k++) {
            boolean last = k == pts.size() - 1;
            boolean turn = !last && Math.signum(pts.get(k).r() - pts.get(k - 1).r()) != Math.signum(pts.get(k + 1).r() - pts.get(k).r());
            if (turn || last) {
                List<Point> run = new ArrayList<>(pts.subList(start, k + 1));
                boolean increasingDown = run.get(run.size() - 1).r() > run.get(0).r();
                boolean open = (increasingDown && last && (b.bottomEnd() == End.WALL || b.bottomEnd() == End.SCAN_LIMIT))
                        || (!increasingDown && start == 0 && b.topEnd() == End.WALL);
                run.sort(Comparator.comparingDouble(Point::r));
                out.add(new Piece(b.index(), run, open));
                start = k;
            }
        }
        return out;
    }

    /** {r_screen, tip at r_screen}, NaN when the connected strings never become dearer than the screened pair. */
    private static double[] screening(WilsonLoop loop, List<Piece> pieces) {
        List<double[]> segments = new ArrayList<>(); // {start, end, tip}
        BrentSolver solver = new BrentSolver(1e-14, 1e-13);
        for (Piece p : pieces) {
            List<Point> pts = p.byR();
            if (pts.get(0).v() >= 0.0) {
                continue;
            }
            int j = 1;
            while (j < pts.size() && pts.get(j).v() < 0.0) {
                j++;
            }
            if (j == pts.size()) {
                segments.add(new double[] {p.rMin(), p.openAtLargeR() ? Double.POSITIVE_INFINITY : p.rMax(), Double.NaN});
                continue;
            }
            double t0 = pts.get(j - 1).tip();
            double t1 = pts.get(j).tip();
            double tip;
            try {
                tip = solver.solve(200, t -> loop.solve(t).v(), Math.min(t0, t1), Math.max(t0, t1));
            } catch (RuntimeException e) {
                tip = Double.NaN;
            }
            double r;
            if (Double.isNaN(tip)) {
                Point a = pts.get(j - 1);
                Point b = pts.get(j);
                r = a.r() + (b.r() - a.r()) * (-a.v()) / (b.v() - a.v());
            } else {
                r = loop.solve(tip).r();
            }
            segments.add(new double[] {p.rMin(), r, tip});
        }
        if (segments.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        segments.sort(Comparator.comparingDouble(s -> s[0]));
        double end = segments.get(0)[1];
        double tip = segments.get(0)[2];
        for (int i = 1; i < segments.size(); i++) {
            double[] s = segments.get(i);
            if (s[0] > end * (1.0 + 1e-12)) {
                break;
            }
            if (s[1] > end) {
                end = s[1];
                tip = s[2];
            }
        }
        return Double.isInfinite(end) ? new double[] {Double.NaN, Double.NaN} : new double[] {end, tip};
    }

    /** min(connected pieces, screened V = 0) on a uniform r grid. */
    private static List<MinimumPoint> minimum(List<Piece> pieces, double rScreen, double rMax, double rUv, int n) {
        double rLargest = 0.0;
        double rSmallest = Double.POSITIVE_INFINITY;
        for (Piece p : pieces) {
            rLargest = Math.max(rLargest, p.rMax());
            rSmallest = Math.min(rSmallest, p.rMin());
        }
        List<MinimumPoint> out = new ArrayList<>();
        if (pieces.isEmpty()) {
            return out;
        }
        // beyond r_screen the screened pair wins, so twice r_screen (or past r_max) shows the whole story
        double rHi = rLargest;
        if (!Double.isNaN(rScreen)) {
            rHi = Math.max(2.0 * rScreen, Double.isNaN(rMax) ? 0.0 : 1.2 * rMax);
        }
        double rLo = Math.max(Math.max(rSmallest, rUv), rHi / n);
        for (int i = 0; i <= n; i++) {
            double r = rLo + (rHi - rLo) * i / n;
            double best = 0.0;
            int branch = -1;
            for (Piece p : pieces) {
                double v = p.v(r);
                if (!Double.isNaN(v) && v < best) {
                    best = v;
                    branch = p.branch();
                }
            }
            out.add(new MinimumPoint(r, best, branch));
        }
        return out;
    }
}
