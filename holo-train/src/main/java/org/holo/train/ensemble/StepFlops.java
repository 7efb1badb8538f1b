package org.holo.train.ensemble;

import java.util.Map;

/**
 * The floating-point operations of one optimiser step of one member, counted from the source of the built-in
 * components (each +, −, ×, ÷ one flop; negation, |x|, copySign free; each StrictMath.exp one flop, though fdlibm
 * spends about twenty on it). Per sample: the boundary map, N layers forward, the horizon condition, the bump
 * output and the loss, then for each sample that contributes to the gradient the horizon's derivative, N layers of
 * the adjoint, the boundary map's adjoint and the sample's share of the sums. The per-step work that does not grow
 * with the batch (h at the nodes, the regularisers, Adam: about 20 flops per parameter) is left out: under 2 % at
 * batch 100. docs/performance.md derives the numbers.
 */
public final class StepFlops {

    /** Forward and reverse flops per layer and sample (the reverse with its ∂E/∂h slot sums). */
    private static final Map<String, int[]> SCHEMES = Map.of("euler", new int[] {11, 17}, "rk4", new int[] {56, 117});
    /** Forward and reverse per sample (the reverse with the sum of ∂E/∂L). */
    private static final Map<String, int[]> BOUNDARIES = Map.of("qcd", new int[] {29, 48}, "raw", new int[] {0, 0});
    private static final Map<String, int[]> HORIZONS = Map.of("pi", new int[] {0, 0}, "regular", new int[] {7, 6});
    private static final Map<String, Integer> LOSSES = Map.of("l1-squared", 4, "mse", 6);
    /** t(F) and dt/dF (two exp), per sample. */
    private static final int BUMP = 30;
    /** aF = ∂E/∂t · dt/dF, the adjoint seed (φ, π) and the three-term sum of ∂E/∂λ, per contributing sample. */
    private static final int SEED = 7;

    private StepFlops() {
    }

    /**
     * Flops of one member-step of the model named by its components, or NaN when one of them is not a built-in.
     *
     * @param contributing the samples of the batch that reach the reverse pass
     */
    public static double perMemberStep(String scheme, String boundary, String horizon, String loss, int layers,
                                       int batch, double contributing) {
        int[] s = SCHEMES.get(scheme);
        int[] b = BOUNDARIES.get(boundary);
        int[] h = HORIZONS.get(horizon);
        Integer l = LOSSES.get(loss);
        if (s == null || b == null || h == null || l == null) {
            return Double.NaN;
        }
        double forward = b[0] + (double) layers * s[0] + h[0] + BUMP + l;
        double reverse = h[1] + SEED + (double) layers * s[1] + b[1];
        return batch * forward + contributing * reverse;
    }
}
