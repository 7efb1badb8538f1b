package org.holo.core.boundary;

import java.util.List;
import org.holo.core.component.ModelContext;
import org.holo.core.component.Settings;
import org.holo.core.model.ParameterSpec;
import org.holo.core.tensor.BoundaryTensorForm;
import org.holo.core.tensor.Phase;
import org.holo.core.tensor.Tensors;

/**
 * QCD input layer (physics.md §3), d = 4, Δ = 3: quark mass m_q (GeV) and condensate σ = ⟨q̄q⟩ (GeV³)
 * to (φ, π) at η_ini, with the AdS radius L (GeV⁻¹) and λ trainable.
 * <pre>
 *   α = √N_c L m_q / (2π),   β = π L³ σ / √N_c
 *   φ = α e^{−η} + β e^{−3η} − ½ λ α³ η e^{−3η}
 *   π = −α e^{−η} − 3β e^{−3η} + (3/2) λ α³ η e^{−3η} − ½ λ α³ e^{−3η}
 * </pre>
 */
public final class QcdBoundaryMap implements BoundaryMap, BoundaryTensorForm {

    public static final String NAME = "qcd";
    /** The block of the AdS radius L in GeV⁻¹. */
    public static final String RADIUS = "L";

    private final double eta;
    private final double e1;
    private final double e3;
    private final double alphaPerLm;
    private final double betaPerL3s;
    private final double initialRadius;
    private final boolean trainRadius;

    /** With L starting at 0.8 GeV⁻¹ and trained (the paper's recipe). */
    public QcdBoundaryMap(double etaIni, int colours) {
        this(etaIni, colours, 0.8, true);
    }

    public QcdBoundaryMap(double etaIni, int colours, double initialRadius, boolean trainRadius) {
        if (colours < 1) {
            throw new IllegalArgumentException("number of colours must be positive, got " + colours);
        }
        this.eta = etaIni;
        this.e1 = StrictMath.exp(-etaIni);
        this.e3 = StrictMath.exp(-3.0 * etaIni);
        double sqrtNc = StrictMath.sqrt(colours);
        this.alphaPerLm = sqrtNc / (2.0 * StrictMath.PI);
        this.betaPerL3s = StrictMath.PI / sqrtNc;
        this.initialRadius = initialRadius;
        this.trainRadius = trainRadius;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> inputColumns() {
        return List.of("m_q_GeV", "condensate_GeV3");
    }

    @Override
    public boolean usesRadius() {
        return true;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.scalar(RADIUS, trainRadius, initialRadius));
    }

    public double alpha(double mq, double radius) {
        return alphaPerLm * radius * mq;
    }

    public double beta(double sigma, double radius) {
        return betaPerL3s * radius * radius * radius * sigma;
    }

    /** (φ, π) at η_ini of one input, into out[0], out[1]. */
    public void forward(double mq, double sigma, double radius, double lambda, double[] out) {
        double a = alpha(mq, radius);
        double b = beta(sigma, radius);
        double a3 = a * a * a;
        out[0] = a * e1 + b * e3 - 0.5 * lambda * a3 * eta * e3;
        out[1] = -a * e1 - 3.0 * b * e3 + 1.5 * lambda * a3 * eta * e3 - 0.5 * lambda * a3 * e3;
    }

    /** For one input, given (∂E/∂φ_0, ∂E/∂π_0): ∂E/∂L into out[0] and ∂E/∂λ into out[1]. */
    public void backward(double mq, double sigma, double radius, double lambda, double adjPhi, double adjPi, double[] out) {
        double a = alpha(mq, radius);
        double b = beta(sigma, radius);
        double a2 = a * a;
        double a3 = a2 * a;
        double dPhiDa = e1 - 1.5 * lambda * a2 * eta * e3;
        double dPiDa = -e1 + 4.5 * lambda * a2 * eta * e3 - 1.5 * lambda * a2 * e3;
        double adjA = adjPhi * dPhiDa + adjPi * dPiDa;
        double adjB = adjPhi * e3 - 3.0 * adjPi * e3;
        // dα/dL = α/L = alphaPerLm·m_q,  dβ/dL = 3 betaPerL3s L² σ
        out[0] = adjA * alphaPerLm * mq + adjB * 3.0 * betaPerL3s * radius * radius * sigma;
        out[1] = adjPhi * (-0.5 * a3 * eta * e3) + adjPi * (1.5 * a3 * eta * e3 - 0.5 * a3 * e3);
    }

    // The batch forms below repeat the arithmetic of the one-input forms term for term (QcdBoundaryMapTest checks
    // that they agree to the bit), with the loop over samples innermost; the constants are read into locals first,
    // since loads of fields inside the loop keep C2 from vectorising it.

    @Override
    public void forward(double[] params, int offset, double lambda, double[] x0, double[] x1, int n, double[] phi, double[] pi) {
        double radius = params[offset];
        double alphaPerLm = this.alphaPerLm;
        double betaPerL3s = this.betaPerL3s;
        double e1 = this.e1;
        double e3 = this.e3;
        double eta = this.eta;
        for (int s = 0; s < n; s++) {
            double a = alphaPerLm * radius * x0[s];
            double b = betaPerL3s * radius * radius * radius * x1[s];
            double a3 = a * a * a;
            phi[s] = a * e1 + b * e3 - 0.5 * lambda * a3 * eta * e3;
            pi[s] = -a * e1 - 3.0 * b * e3 + 1.5 * lambda * a3 * eta * e3 - 0.5 * lambda * a3 * e3;
        }
    }

    @Override
    public void backward(double[] params, int offset, double lambda, double[] x0, double[] x1, int n,
                         double[] adjPhi, double[] adjPi, double[][] dParams, double[] dLambda) {
        double radius = params[offset];
        double[] dRadius = dParams[0];
        double alphaPerLm = this.alphaPerLm;
        double betaPerL3s = this.betaPerL3s;
        double e1 = this.e1;
        double e3 = this.e3;
        double eta = this.eta;
        // two loops, ∂E/∂L then ∂E/∂λ: one loop with both is too long for C2 to vectorise
        for (int s = 0; s < n; s++) {
            double mq = x0[s];
            double sigma = x1[s];
            double aPhi = adjPhi[s];
            double aPi = adjPi[s];
            double a = alphaPerLm * radius * mq;
            double a2 = a * a;
            double dPhiDa = e1 - 1.5 * lambda * a2 * eta * e3;
            double dPiDa = -e1 + 4.5 * lambda * a2 * eta * e3 - 1.5 * lambda * a2 * e3;
            double adjA = aPhi * dPhiDa + aPi * dPiDa;
            double adjB = aPhi * e3 - 3.0 * aPi * e3;
            dRadius[s] += adjA * alphaPerLm * mq + adjB * 3.0 * betaPerL3s * radius * radius * sigma;
        }
        for (int s = 0; s < n; s++) {
            double a = alphaPerLm * radius * x0[s];
            double a3 = a * a * a;
            dLambda[s] += adjPhi[s] * (-0.5 * a3 * eta * e3) + adjPi[s] * (1.5 * a3 * eta * e3 - 0.5 * a3 * e3);
        }
    }

    /** The tensor form of {@link #forward}, product for product; the block is (L). */
    @Override
    public <T> Phase<T> initialPhase(Tensors<T> ops, T mq, T sigma, T block, T lambda) {
        T radius = ops.column(block, 0);
        T a = ops.mul(ops.mul(radius, alphaPerLm), mq);                                   // (αL⁻¹m⁻¹ · L) · m_q
        T b = ops.mul(ops.mul(ops.mul(ops.mul(radius, betaPerL3s), radius), radius), sigma); // (((β₀ L) L) L) σ
        T a3 = ops.cube(a);
        T halfLambdaA3 = ops.mul(ops.mul(lambda, 0.5), a3);
        T phi = ops.sub(ops.add(ops.mul(a, e1), ops.mul(b, e3)), ops.mul(ops.mul(halfLambdaA3, eta), e3));
        T pi = ops.sub(ops.add(ops.sub(ops.mul(ops.neg(a), e1), ops.mul(ops.mul(b, 3.0), e3)),
                ops.mul(ops.mul(ops.mul(ops.mul(lambda, 1.5), a3), eta), e3)), ops.mul(halfLambdaA3, e3));
        return new Phase<>(phi, pi);
    }

    /** Registers the QCD input layer; it reads colours, initialRadius_GeV_inv and trainRadius. */
    public static final class Provider implements BoundaryMapProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "(m_q GeV, <qbar q> GeV^3) to (phi, pi) through the d = 4, m^2 = -3 asymptotics, AdS radius L trainable";
        }

        @Override
        public BoundaryMap create(ModelContext context, Settings settings) {
            int colours = settings.integer("colours", 3);
            double radius = settings.number("initialRadius_GeV_inv", 0.8);
            boolean train = settings.flag("trainRadius", true);
            if (colours < 1) {
                throw settings.invalid("colours", "must be at least 1, got " + colours);
            }
            if (!(Double.isFinite(radius) && radius > 0)) {
                throw settings.invalid("initialRadius_GeV_inv", "must be positive, got " + radius);
            }
            // the QCD input layer is the asymptotic solution for d = 4, m² = −3 (Δ = 3; physics.md §3)
            if (context.theory().dimension() != 4) {
                throw new IllegalArgumentException("model.dimension: must be 4 with model.boundary.type qcd (the QCD input layer is for d = 4), got "
                        + context.theory().dimension());
            }
            if (context.theory().massSquared() != -3.0) {
                throw new IllegalArgumentException("model.massSquared: must be -3 with model.boundary.type qcd (the QCD input layer is for m² = −3, Δ = 3), got "
                        + context.theory().massSquared());
            }
            return new QcdBoundaryMap(context.grid().etaIni(), colours, radius, train);
        }
    }
}
