package org.holo.core.observable;

import java.util.Arrays;
import java.util.Locale;
import org.holo.core.RadialGrid;

/**
 * f and g from a learned metric h (physics.md §1, §7): a continuous h(η) on (0, ∞), the volume factor
 * W = √(f g^{d−1}) = exp(∫ h), and an explicit split of W into f and g.
 *
 * <h2>h(η)</h2>
 * <ul>
 *   <li>η &gt; η_ini (= η_0): h = d, pure AdS. W is normalised there to W = e^{dη}, i.e. log W(η_0) = d η_0, so
 *       that g → e^{2η} at the boundary with L = 1, the normalisation of the QCD input layer (z = L e^{−η}).</li>
 *   <li>η_{N−1} ≤ η ≤ η_0: the learned weights h_i at η_i = η_ini + iΔη, joined by the same interpolant as
 *       {@link org.holo.core.metric.PerLayerMetric} (the cubic Lagrange polynomial through the four nearest
 *       layer positions, so h is continuous and equals h_i at η_i). h jumps from h_0 to d at η_0.</li>
 *   <li>0 &lt; η &lt; η_{N−1} (below the last layer, where no weight was learned): the horizon behaviour of
 *       physics.md §1, h = 1/η + k with k = h_{N−1} − 1/η_{N−1}, continuous at η_{N−1}. Then
 *       W = W(η_{N−1}) (η/η_{N−1}) e^{k(η − η_{N−1})} → 0 linearly: the horizon sits at η = 0. The straight
 *       (screened) strings run down to η = 0; string tips are kept at η ≥ η_{N−1} ({@link #tipFloor()}), so no
 *       connected string relies on the extrapolated region other than through its straight-string subtraction.</li>
 * </ul>
 * log W is integrated exactly: on each layer interval h is one cubic, integrated by two-point Gauss–Legendre.
 *
 * <h2>Splits</h2>
 * <ul>
 *   <li>{@link Split#F_EQUALS_G} ("f=g"): f = g = W^{2/d}, G = W^{4/d}. A minimum of W is a minimum of G: the
 *       IR wall of W confines. f and g vanish together at η = 0, which is not a regular horizon: no T.</li>
 *   <li>{@link Split#G_ADS} ("g=ads"): g = e^{2η} (the spatial directions stay pure AdS), f = W² e^{−2(d−1)η},
 *       G = W² e^{−2(d−2)η}. With the horizon continuation f ≈ κ²η² and g(0) = 1, a regular horizon with
 *       T = κ/(2π), κ = W(η_{N−1}) e^{−kη_{N−1}}/η_{N−1} (in units of 1/L).</li>
 * </ul>
 * Both are exactly pure AdS (f = g = e^{2η}) beyond η_ini.
 */
public final class LearnedGeometry implements StringGeometry {

    /** How W = √(f g^{d−1}) is shared between f and g. */
    public enum Split {
        F_EQUALS_G("f=g", "f = g = W^(2/d), G = f g = W^(4/d)"),
        G_ADS("g=ads", "g = exp(2 eta), f = W^2 exp(-2(d-1) eta), G = W^2 exp(-2(d-2) eta)");

        private final String label;
        private final String formula;

        Split(String label, String formula) {
            this.label = label;
            this.formula = formula;
        }

        public String label() {
            return label;
        }

        public String formula() {
            return formula;
        }

        /** {@code f=g} or {@code g=ads} (spaces ignored). */
        public static Split parse(String s) {
            String t = s.replace(" ", "").toLowerCase(Locale.ROOT);
            for (Split sp : values()) {
                if (sp.label.equals(t)) {
                    return sp;
                }
            }
            if ("g=f".equals(t)) {
                return F_EQUALS_G;
            }
            throw new IllegalArgumentException("unknown split '" + s + "' (expected f=g or g=ads)");
        }
    }

    private static final double GAUSS2 = 0.5 / StrictMath.sqrt(3.0);

    private final int d;
    private final Split split;
    private final double etaIni;
    private final double step;        // Δη < 0
    private final int layers;
    private final double[] h;         // h_0 … h_{N−1}
    private final double[] logWGrid;  // log W(η_j)
    private final double etaLast;     // η_{N−1}
    private final double k;           // horizon continuation h = 1/η + k

    /**
     * @param grid the network's radial grid (η_ini, Δη, N)
     * @param h    the N learned weights h_0 … h_{N−1} (boundary → horizon)
     */
    public LearnedGeometry(int dimension, RadialGrid grid, double[] h, Split split) {
        if (dimension < 2) {
            throw new IllegalArgumentException("dimension d must be at least 2 for a string potential, got " + dimension);
        }
        if (h.length != grid.layers()) {
            throw new IllegalArgumentException("expected " + grid.layers() + " metric weights (one per layer), got " + h.length);
        }
        for (int i = 0; i < h.length; i++) {
            if (!Double.isFinite(h[i])) {
                throw new IllegalArgumentException("metric weight h[" + i + "] is not finite: " + h[i]);
            }
        }
        this.d = dimension;
        this.split = split;
        this.etaIni = grid.etaIni();
        this.step = grid.step();
        this.layers = grid.layers();
        this.h = h.clone();
        this.etaLast = grid.eta(layers - 1);
        if (!(etaLast > 0.0)) {
            throw new IllegalArgumentException("the last layer sits at eta = " + etaLast
                    + ": the horizon continuation needs all layers at eta > 0");
        }
        this.logWGrid = new double[layers];
        logWGrid[0] = d * etaIni;
        for (int j = 0; j + 1 < layers; j++) {
            logWGrid[j + 1] = logWGrid[j] - integralFromNode(j, etaAt(j + 1));
        }
        this.k = h[layers - 1] - 1.0 / etaLast;
    }

    public Split splitKind() {
        return split;
    }

    /** The continuous h(η) described in the class comment. */
    public double h(double eta) {
        if (eta > etaIni) {
            return d;
        }
        if (eta < etaLast) {
            return 1.0 / eta + k;
        }
        return interpolate(interval(eta), eta);
    }

    /** log W(η), normalised to W = e^{dη} beyond η_ini. */
    public double logW(double eta) {
        if (eta >= etaIni) {
            return d * eta;
        }
        if (eta < etaLast) {
            return logWGrid[layers - 1] + StrictMath.log(eta / etaLast) + k * (eta - etaLast);
        }
        int j = interval(eta);
        return logWGrid[j] - integralFromNode(j, eta);
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public String name() {
        return "learned";
    }

    @Override
    public String split() {
        return split.label();
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "learned h at %d layers (eta %.6g .. %.6g), cubic Lagrange interpolation between layers;"
                        + " h = %d (pure AdS, W = exp(%d eta)) above eta_ini; h = 1/eta + %.6g below the last layer (horizon at eta = 0);"
                        + " split %s: %s", layers, etaIni, etaLast, d, d, k, split.label(), split.formula());
    }

    @Override
    public double logF(double eta) {
        return split == Split.F_EQUALS_G ? (2.0 / d) * logW(eta) : 2.0 * logW(eta) - 2.0 * (d - 1) * eta;
    }

    @Override
    public double logGx(double eta) {
        return split == Split.F_EQUALS_G ? (2.0 / d) * logW(eta) : 2.0 * eta;
    }

    @Override
    public double logG(double eta) {
        return split == Split.F_EQUALS_G ? (4.0 / d) * logW(eta) : 2.0 * logW(eta) - 2.0 * (d - 2) * eta;
    }

    @Override
    public double dLogG(double eta) {
        return split == Split.F_EQUALS_G ? (4.0 / d) * h(eta) : 2.0 * h(eta) - 2.0 * (d - 2);
    }

    @Override
    public double irEnd() {
        return 0.0;
    }

    @Override
    public double tipFloor() {
        return etaLast;
    }

    @Override
    public double[] breakpoints() {
        double[] b = new double[layers];
        for (int j = 0; j < layers; j++) {
            b[j] = etaAt(j);
        }
        Arrays.sort(b);
        return b;
    }

    @Override
    public double adsFrom() {
        return etaIni;
    }

    @Override
    public double temperature() {
        if (split == Split.F_EQUALS_G) {
            return Double.NaN;
        }
        double kappa = StrictMath.exp(logWGrid[layers - 1] - k * etaLast) / etaLast;
        return kappa / (2.0 * StrictMath.PI);
    }

    /** The η of the last learned weight, η_{N−1}. */
    public double lastLayerEta() {
        return etaLast;
    }

    /** k of the horizon continuation h = 1/η + k below the last layer. */
    public double horizonConstant() {
        return k;
    }

    private double etaAt(int j) {
        return etaIni + j * step;
    }

    /** The layer interval [η_{j+1}, η_j] holding η (j = 0 … N−2), or 0 for a single layer. */
    private int interval(double eta) {
        if (layers == 1) {
            return 0;
        }
        int j = (int) Math.floor((eta - etaIni) / step);
        return Math.max(0, Math.min(layers - 2, j));
    }

    /** The interpolant of interval j (the PerLayerMetric stencil for positions between j and j+1) at η. */
    private double interpolate(int j, double eta) {
        int points = Math.min(4, layers);
        int start = Math.max(0, Math.min(layers - points, j - (points - 1) / 2));
        double t = (eta - etaIni) / step;
        double sum = 0.0;
        for (int a = 0; a < points; a++) {
            double w = 1.0;
            for (int b = 0; b < points; b++) {
                if (b != a) {
                    w *= (t - (start + b)) / (double) (a - b);
                }
            }
            sum += w * h[start + a];
        }
        return sum;
    }

    /** ∫_η^{η_j} h dη' on interval j (exact: h is a cubic there). */
    private double integralFromNode(int j, double eta) {
        double top = etaAt(j);
        double len = top - eta;
        if (len == 0.0) {
            return 0.0;
        }
        double mid = 0.5 * (top + eta);
        double off = GAUSS2 * len;
        return 0.5 * len * (interpolate(j, mid - off) + interpolate(j, mid + off));
    }
}
