package org.holo.core;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.nonstiff.GraggBulirschStoerIntegrator;

/**
 * An independent high-accuracy solution of the bulk equation of motion (physics.md §2)
 * ∂_η φ = π, ∂_η π = −h(η) π + m² φ + λ φ³, by Apache Commons Math adaptive integrators.
 */
public final class ReferenceOde {

    private ReferenceOde() {
    }

    /** Dormand–Prince 8(5,3) with atol = rtol = 1e-13, integrating from etaFrom to etaTo (either direction). */
    public static double[] dormandPrince(DoubleUnaryOperator h, double m2, double lambda,
                                         double etaFrom, double phi0, double pi0, double etaTo) {
        return integrate(new DormandPrince853Integrator(1e-12, 1.0, 1e-13, 1e-13), h, m2, lambda, etaFrom, phi0, pi0, etaTo);
    }

    /** Gragg–Bulirsch–Stoer extrapolation, a second, structurally different integrator to cross-check the first. */
    public static double[] bulirschStoer(DoubleUnaryOperator h, double m2, double lambda,
                                         double etaFrom, double phi0, double pi0, double etaTo) {
        return integrate(new GraggBulirschStoerIntegrator(1e-12, 1.0, 1e-13, 1e-13), h, m2, lambda, etaFrom, phi0, pi0, etaTo);
    }

    private static double[] integrate(FirstOrderIntegrator integrator, DoubleUnaryOperator h, double m2, double lambda,
                                      double etaFrom, double phi0, double pi0, double etaTo) {
        FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return 2;
            }

            @Override
            public void computeDerivatives(double eta, double[] y, double[] yDot) {
                double p = y[0];
                yDot[0] = y[1];
                yDot[1] = -h.applyAsDouble(eta) * y[1] + m2 * p + lambda * p * p * p;
            }
        };
        double[] y = {phi0, pi0};
        integrator.integrate(ode, etaFrom, y.clone(), etaTo, y);
        return y;
    }
}
