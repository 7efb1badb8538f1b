package org.holo.core.spectrum;

/**
 * Spin-S meson towers of a learned bulk geometry (physics.md §9): warp factor A(z) = −log z + a(z) and dilaton Φ(z),
 * with a and Φ {@link PowerSeriesProfile}s; the spin-S field sees B_S = Φ − (2S−1)A, and its masses m²_{n,S} are the
 * eigenvalues of the {@link FluxOperator} on the {@link SpectralGrid}. The singular AdS part (2S−1)·log z of B_S is
 * exact at every node and half point; only the regular remainder Φ − (2S−1)a is learned.
 *
 * <p>Parameters: the coefficients of a, then those of Φ. Masses in GeV, z in GeV⁻¹, m² in GeV².
 */
public final class MesonModel {

    private final SpectralGrid grid;
    private final PowerSeriesProfile warp;
    private final PowerSeriesProfile dilaton;
    private final double[][] warpNodeRows;
    private final double[][] warpHalfRows;
    private final double[][] dilatonNodeRows;
    private final double[][] dilatonHalfRows;
    private final double[] logNode;
    private final double[] logHalf;

    public MesonModel(SpectralGrid grid, PowerSeriesProfile warp, PowerSeriesProfile dilaton) {
        this.grid = grid;
        this.warp = warp;
        this.dilaton = dilaton;
        double[] nodes = grid.nodes();
        double[] halves = grid.halves();
        this.warpNodeRows = warp.rows(nodes);
        this.warpHalfRows = warp.rows(halves);
        this.dilatonNodeRows = dilaton.rows(nodes);
        this.dilatonHalfRows = dilaton.rows(halves);
        this.logNode = new double[nodes.length];
        this.logHalf = new double[halves.length];
        for (int i = 0; i < nodes.length; i++) {
            logNode[i] = StrictMath.log(nodes[i]);
        }
        for (int j = 0; j < halves.length; j++) {
            logHalf[j] = StrictMath.log(halves[j]);
        }
    }

    public SpectralGrid grid() {
        return grid;
    }

    public PowerSeriesProfile warp() {
        return warp;
    }

    public PowerSeriesProfile dilaton() {
        return dilaton;
    }

    public int parameterCount() {
        return warp.size() + dilaton.size();
    }

    /** Offset of Φ's coefficients in the parameter vector (a's start at 0). */
    public int dilatonOffset() {
        return warp.size();
    }

    /** The lowest levels of one spin: m²_n (GeV²), unit eigenvectors, and the B_S they were computed from. */
    public record Tower(int spin, double[] massSquared, double[][] vectors, double[] bNode, double[] bHalf) {

        public double mass(int n) {
            return Math.sqrt(massSquared[n]);
        }
    }

    /** The {@code levels} lowest states of spin {@code spin} (n = 0 … levels−1). */
    public Tower tower(double[] params, int spin, int levels) {
        checkSpin(spin);
        int n = grid.points();
        double s = 2 * spin - 1;
        double[] bNode = new double[n];
        double[] bHalf = new double[n + 1];
        fill(params, s, warpNodeRows, dilatonNodeRows, logNode, bNode);
        fill(params, s, warpHalfRows, dilatonHalfRows, logHalf, bHalf);
        double[] diag = new double[n];
        double[] off = new double[n - 1];
        FluxOperator.assemble(grid.spacing(), bNode, bHalf, diag, off);
        TridiagonalEigen.Pairs pairs = TridiagonalEigen.lowest(diag, off, levels);
        return new Tower(spin, pairs.values(), pairs.vectors(), bNode, bHalf);
    }

    /** B_S = Φ − (2S−1)a + (2S−1) log z at the given points. */
    private void fill(double[] params, double s, double[][] warpRows, double[][] dilatonRows, double[] log, double[] out) {
        int off = dilatonOffset();
        for (int i = 0; i < out.length; i++) {
            double a = 0.0;
            for (int k = 0; k < warp.size(); k++) {
                a += warpRows[i][k] * params[k];
            }
            double phi = 0.0;
            for (int k = 0; k < dilaton.size(); k++) {
                phi += dilatonRows[i][k] * params[off + k];
            }
            out[i] = phi - s * a + s * log[i];
        }
    }

    /**
     * Adds {@code weight} · ∂m²_n/∂θ to {@code grad}: the flux-form Hellmann–Feynman gradient with respect to B_S
     * at nodes and half points, mapped to Φ's coefficients with factor 1 and to a's with −(2S−1).
     */
    public void addGradient(Tower t, int level, double weight, double[] grad) {
        int n = grid.points();
        double[] gNode = new double[n];
        double[] gHalf = new double[n + 1];
        FluxOperator.gradient(grid.spacing(), t.bNode(), t.bHalf(), t.massSquared()[level], t.vectors()[level], gNode, gHalf);
        double s = 2 * t.spin() - 1;
        int off = dilatonOffset();
        for (int k = 0; k < dilaton.size(); k++) {
            grad[off + k] += weight * project(gNode, gHalf, dilatonNodeRows, dilatonHalfRows, k);
        }
        for (int k = 0; k < warp.size(); k++) {
            grad[k] -= weight * s * project(gNode, gHalf, warpNodeRows, warpHalfRows, k);
        }
    }

    private static double project(double[] gNode, double[] gHalf, double[][] nodeRows, double[][] halfRows, int k) {
        double sum = 0.0;
        for (int i = 0; i < gNode.length; i++) {
            sum += gNode[i] * nodeRows[i][k];
        }
        for (int j = 0; j < gHalf.length; j++) {
            sum += gHalf[j] * halfRows[j][k];
        }
        return sum;
    }

    /** The warp factor A(z) = −log z + a(z); {@code k}-th z-derivative for k = 0, 1, 2, 3. */
    public double warpFactor(double[] params, double z, int k) {
        double log = switch (k) {
            case 0 -> -StrictMath.log(z);
            case 1 -> -1.0 / z;
            case 2 -> 1.0 / (z * z);
            case 3 -> -2.0 / (z * z * z);
            default -> throw new IllegalArgumentException("derivative order " + k + " > 3");
        };
        return log + warp.derivative(params, 0, z, k);
    }

    /** The dilaton Φ(z); {@code k}-th z-derivative. */
    public double dilatonField(double[] params, double z, int k) {
        return dilaton.derivative(params, dilatonOffset(), z, k);
    }

    /** B_S(z) = Φ − (2S−1)A; {@code k}-th z-derivative. */
    public double b(double[] params, int spin, double z, int k) {
        return dilatonField(params, z, k) - (2 * spin - 1) * warpFactor(params, z, k);
    }

    /** The Schrödinger potential V_S = B_S'²/4 − B_S''/2 (GeV²) of the continuum problem −ψ'' + V_S ψ = m²ψ. */
    public double potential(double[] params, int spin, double z) {
        double b1 = b(params, spin, z, 1);
        return 0.25 * b1 * b1 - 0.5 * b(params, spin, z, 2);
    }

    static void checkSpin(int spin) {
        if (spin < 1) {
            throw new IllegalArgumentException("spin must be at least 1, got " + spin);
        }
    }
}
