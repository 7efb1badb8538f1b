package org.holo.train.observable;

import java.nio.file.Path;
import java.util.List;
import org.holo.core.observable.CondensateCurve;

/**
 * Data points (m_q, ⟨q̄q⟩) against a predicted condensate curve: each point's residual to the nearest predicted root
 * at its m_q, and whether it lies within the band of half-width {@code noiseStd} (the band sampler's standard
 * deviation of ξ; NaN when the run's data were not band data).
 */
public record LatticeComparison(Path file, double noiseStd, List<CondensateCurve.Residual> residuals) {

    /** A point counts as classified positive when the network output t(F) is below one half. */
    public static final double POSITIVE_BELOW = 0.5;

    public LatticeComparison {
        residuals = List.copyOf(residuals);
    }

    public int points() {
        return residuals.size();
    }

    /** Points with a predicted root at their m_q. */
    public int withPrediction() {
        return (int) residuals.stream().filter(r -> !Double.isNaN(r.residual())).count();
    }

    /** Root mean square of the residuals of the points with a prediction; NaN when none has one. */
    public double rmsResidual() {
        double sumSq = 0.0;
        int counted = 0;
        for (CondensateCurve.Residual r : residuals) {
            if (!Double.isNaN(r.residual())) {
                counted++;
                sumSq += r.residual() * r.residual();
            }
        }
        return counted > 0 ? Math.sqrt(sumSq / counted) : Double.NaN;
    }

    /** The largest |residual|; 0 when no point has a prediction. */
    public double maxAbsResidual() {
        double maxAbs = 0.0;
        for (CondensateCurve.Residual r : residuals) {
            if (!Double.isNaN(r.residual())) {
                maxAbs = Math.max(maxAbs, Math.abs(r.residual()));
            }
        }
        return maxAbs;
    }

    /** Points with |residual| ≤ noiseStd (none when noiseStd is NaN). */
    public int withinBand() {
        return (int) residuals.stream().filter(r -> !Double.isNaN(r.residual()) && Math.abs(r.residual()) <= noiseStd).count();
    }

    /** Whether {@code r} lies within the band: null when either the residual or the band is unknown. */
    public Boolean withinBand(CondensateCurve.Residual r) {
        return Double.isNaN(noiseStd) || Double.isNaN(r.residual()) ? null : Math.abs(r.residual()) <= noiseStd;
    }

    public int classifiedPositive() {
        return (int) residuals.stream().filter(LatticeComparison::classifiedPositive).count();
    }

    public static boolean classifiedPositive(CondensateCurve.Residual r) {
        return r.output() < POSITIVE_BELOW;
    }
}
