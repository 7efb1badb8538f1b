package org.holo.core.horizon;

import org.holo.core.component.ModelContext;
import org.holo.core.component.Settings;
import org.holo.core.tensor.HorizonTensorForm;
import org.holo.core.tensor.Phase;
import org.holo.core.tensor.Tensors;

/**
 * 1802.08313 (AdS-Schwarzschild): F = (2/η_fin) π − m² φ − λ φ³, the equation of motion at η_fin with
 * the near-horizon h ≈ 1/η and ∂_η π ≈ π/η.
 */
public final class RegularHorizonCondition implements HorizonCondition, HorizonTensorForm {

    public static final String NAME = "regular";

    private final double twoOverEta;
    private final double m2;

    public RegularHorizonCondition(double etaFin, double massSquared) {
        if (!(etaFin > 0.0)) {
            throw new IllegalArgumentException("the regular horizon condition needs eta_fin > 0, got " + etaFin);
        }
        this.twoOverEta = 2.0 / etaFin;
        this.m2 = massSquared;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void values(double[] phi, double[] pi, int n, double lambda, double[] f) {
        double twoOverEta = this.twoOverEta; // fields read inside the loop keep C2 from vectorising it
        double m2 = this.m2;
        for (int b = 0; b < n; b++) {
            double p = phi[b];
            f[b] = twoOverEta * pi[b] - m2 * p - lambda * p * p * p;
        }
    }

    @Override
    public void gradients(double[] phi, double[] pi, int n, double lambda, double[] dPhi, double[] dPi, double[] dLambda) {
        double twoOverEta = this.twoOverEta; // fields read inside the loop keep C2 from vectorising it
        double m2 = this.m2;
        for (int b = 0; b < n; b++) {
            double p = phi[b];
            dPhi[b] = -m2 - 3.0 * lambda * p * p;
            dPi[b] = twoOverEta;
            dLambda[b] = -p * p * p;
        }
    }

    /** The tensor form of {@link #value}: ((2/η_fin) π − m² φ) − ((λφ)φ)φ. */
    @Override
    public <T> T horizonValue(Tensors<T> ops, Phase<T> end, T lambda) {
        T phi = end.phi();
        return ops.sub(ops.sub(ops.mul(end.pi(), twoOverEta), ops.mul(phi, m2)), ops.mul(ops.mul(ops.mul(lambda, phi), phi), phi));
    }

    /** Registers the regular horizon condition. */
    public static final class Provider implements HorizonConditionProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "F = (2/eta_fin) pi - m^2 phi - lambda phi^3: the equation of motion at a regular horizon (1802.08313)";
        }

        @Override
        public HorizonCondition create(ModelContext context, Settings settings) {
            return new RegularHorizonCondition(context.grid().etaFin(), context.theory().massSquared());
        }
    }
}
