package org.holo.core.spectrum;

/**
 * The flux (Sturm–Liouville) discretisation of −(e^{−B}φ')' = m² e^{−B}φ, symmetrised with ψ_i = e^{−B_i/2}φ_i
 * (physics.md §9.2):
 * <pre>
 *   H_ii      = (e^{B_i − B_{i+½}} + e^{B_i − B_{i−½}}) / h²
 *   H_{i,i+1} = −e^{(B_i + B_{i+1})/2 − B_{i+½}} / h²
 * </pre>
 * No derivative of B is taken, H is the discrete Q†Q and so positive definite, and only differences of B enter
 * (B is defined up to a constant). Its exact eigenvalue gradients (Hellmann–Feynman, §9.3): with unit eigenvector u,
 * ∂λ/∂B_i = λ u_i² at a node and ∂λ/∂B_{i+½} = −(u_i e^{(B_i−B_{i+½})/2} − u_{i+1} e^{(B_{i+1}−B_{i+½})/2})²/h² at a
 * half point, with u = 0 beyond the ends. Exponentials by {@link StrictMath}, so the bits are the same on every JVM.
 */
public final class FluxOperator {

    private FluxOperator() {
    }

    /**
     * Fills {@code diag} (N) and {@code off} (N−1) from B at the N nodes and the N+1 half points
     * (half point j lies below node j and above node j−1).
     */
    public static void assemble(double h, double[] bNode, double[] bHalf, double[] diag, double[] off) {
        int n = bNode.length;
        if (bHalf.length != n + 1) {
            throw new IllegalArgumentException("B needs " + (n + 1) + " half-point values for " + n + " nodes, got " + bHalf.length);
        }
        double inv = 1.0 / (h * h);
        for (int i = 0; i < n; i++) {
            diag[i] = (StrictMath.exp(bNode[i] - bHalf[i + 1]) + StrictMath.exp(bNode[i] - bHalf[i])) * inv;
            if (i < n - 1) {
                off[i] = -StrictMath.exp(0.5 * (bNode[i] + bNode[i + 1]) - bHalf[i + 1]) * inv;
            }
        }
    }

    /** ∂λ/∂B at every node and half point for the eigenpair (λ, u); overwrites {@code gNode} and {@code gHalf}. */
    public static void gradient(double h, double[] bNode, double[] bHalf, double lambda, double[] u,
                                double[] gNode, double[] gHalf) {
        int n = bNode.length;
        double inv = 1.0 / (h * h);
        for (int i = 0; i < n; i++) {
            gNode[i] = lambda * u[i] * u[i];
        }
        for (int j = 0; j <= n; j++) {
            double below = j > 0 ? u[j - 1] * StrictMath.exp(0.5 * (bNode[j - 1] - bHalf[j])) : 0.0;
            double above = j < n ? u[j] * StrictMath.exp(0.5 * (bNode[j] - bHalf[j])) : 0.0;
            double d = below - above;
            gHalf[j] = -d * d * inv;
        }
    }
}
