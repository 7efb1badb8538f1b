package org.holo.core.spectrum;

/**
 * Improved-holographic-QCD quantities of a learned geometry (physics.md §9.6). The meson action lives in the string
 * frame, so the learned A is A_s and the Einstein-frame warp factor is A_E = A_s − (2/3)Φ. For an Einstein–dilaton
 * solution with S = M³N_c² ∫√−g [R − (4/3)(∂Φ)² + V(Φ)] in conformal coordinates:
 * <pre>
 *   (i)  A_E'² − A_E'' = (4/9) Φ'²                       residual R = A_E'² − A_E'' − (4/9)Φ'²
 *   (ii) e^{2A_E} V = 12 A_E'² − (4/3)Φ'²  = 9 A_E'² + 3 A_E''  (the second form uses (i))
 * </pre>
 * A learned (A, Φ) need not solve (i); R says how far it is, and the two forms of V agree only where R = 0.
 * Checks: AdS (A = −log z, Φ = 0) gives R = 0 and V = 12; the soft wall gives R = 4κ².
 */
public final class EinsteinFrame {

    private final MesonModel model;
    private final double[] params;

    public EinsteinFrame(MesonModel model, double[] params) {
        this.model = model;
        this.params = params.clone();
    }

    /** The quantities at one z (z in GeV⁻¹, R in GeV², V in units of the AdS curvature, 12 for AdS). */
    public record Point(double z, double warpE, double dilaton, double residual, double potentialKinetic,
                        double potentialCurvature) {
    }

    public Point at(double z) {
        double a1 = model.warpFactor(params, z, 1);
        double a2 = model.warpFactor(params, z, 2);
        double p1 = model.dilatonField(params, z, 1);
        double p2 = model.dilatonField(params, z, 2);
        double warpE = model.warpFactor(params, z, 0) - 2.0 / 3.0 * model.dilatonField(params, z, 0);
        double e1 = a1 - 2.0 / 3.0 * p1;
        double e2 = a2 - 2.0 / 3.0 * p2;
        double residual = e1 * e1 - e2 - 4.0 / 9.0 * p1 * p1;
        double scale = StrictMath.exp(-2.0 * warpE);
        return new Point(z, warpE, model.dilatonField(params, z, 0), residual,
                scale * (12.0 * e1 * e1 - 4.0 / 3.0 * p1 * p1), scale * (9.0 * e1 * e1 + 3.0 * e2));
    }
}
